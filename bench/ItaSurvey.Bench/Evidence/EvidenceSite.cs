using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItaSurvey.Bench.Evidence;

/// <summary>
/// The agencies' web sites for the evidence benchmark: one Kestrel server on 127.0.0.1, run as a
/// child process (so its memory is not counted with the checker's), serving
/// <c>/ag{n}/ita/{code}/{kind}</c> from <see cref="EvidenceCorpus"/> documents made at start.
/// It prints its address, then serves until its standard input closes.
/// </summary>
internal static class EvidenceSite
{
    public const string Verb = "evidence-site";

    /// <summary>What a URL of the benchmark serves, chosen per agency and item.</summary>
    public static readonly string[] Kinds = ["html", "pdf", "old-html", "old-pdf", "other", "soft-404", "missing", "scan"];

    public static async Task<int> RunAsync(string[] args)
    {
        var latency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
        var documents = Documents();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/ag{agency:int}/ita/{code}/{kind}", async (int agency, string code, string kind) =>
        {
            if (latency > 0)
            {
                await Task.Delay(latency);
            }
            return documents.TryGetValue($"{code}/{kind}/{agency % 3}", out var document)
                ? Results.Bytes(document.Bytes, document.ContentType)
                : Results.NotFound();
        });
        await app.StartAsync();
        var html = documents.Values.Where(d => d.ContentType.StartsWith("text/html", StringComparison.Ordinal)).Select(d => d.Bytes.Length).ToList();
        var pdf = documents.Values.Where(d => d.ContentType == "application/pdf").Select(d => d.Bytes.Length).ToList();
        Console.WriteLine($"site: {documents.Count} documents; HTML {html.Min() / 1024} to {html.Max() / 1024} KB (mean {html.Average() / 1024:0}), "
            + $"PDF {pdf.Min() / 1024} to {pdf.Max() / 1024} KB (mean {pdf.Average() / 1024:0}); latency {latency} ms");
        Console.WriteLine("listening " + app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
        await app.StopAsync();
        return 0;
    }

    /// <summary>Starts the site as a child process of this benchmark and waits for its address.</summary>
    public static async Task<(Process Process, Uri Address)> StartAsync(int latency)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(EvidenceSite).Assembly.Location);
        }
        info.ArgumentList.Add(Verb);
        info.ArgumentList.Add(latency.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return (process, new Uri(line["listening ".Length..]));
            }
            Console.WriteLine(line);
        }
        throw new InvalidOperationException("the evidence site stopped before it listened");
    }

    private static Dictionary<string, (byte[] Bytes, string ContentType)> Documents()
    {
        const string html = "text/html; charset=utf-8";
        var font = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fonts", "ItaSurveySans-Regular.ttf"));
        var items = EvidenceCorpus.Items();
        var soft404 = EvidenceCorpus.SoftNotFound();
        var scan = EvidenceCorpus.ScannedPdf();
        var documents = new Dictionary<string, (byte[], string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var other = items[(i + items.Count / 2) % items.Count];
            for (var variant = 0; variant < 3; variant++)
            {
                var key = $"{item.Code}/{{0}}/{variant}";
                documents[string.Format(CultureInfo.InvariantCulture, key, "html")] = (EvidenceCorpus.Html(item, 2566, variant), html);
                documents[string.Format(CultureInfo.InvariantCulture, key, "pdf")] = (EvidenceCorpus.Pdf(item, 2566, 1 + variant * 5 + i % 2, font), "application/pdf");
                documents[string.Format(CultureInfo.InvariantCulture, key, "old-html")] = (EvidenceCorpus.Html(item, 2565, variant), html);
                documents[string.Format(CultureInfo.InvariantCulture, key, "old-pdf")] = (EvidenceCorpus.Pdf(item, 2565, 2, font), "application/pdf");
                documents[string.Format(CultureInfo.InvariantCulture, key, "other")] = (EvidenceCorpus.Html(other, 2566, variant), html);
                documents[string.Format(CultureInfo.InvariantCulture, key, "soft-404")] = (soft404, html);
                documents[string.Format(CultureInfo.InvariantCulture, key, "scan")] = (scan, "application/pdf");
            }
        }
        return documents;
    }
}
