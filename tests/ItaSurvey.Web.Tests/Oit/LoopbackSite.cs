using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItaSurvey.Web.Tests.Oit;

/// <summary>A tiny web site on 127.0.0.1 (a free port) for the link check to request; nothing else is contacted.</summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly StrongBox<int> _connections;

    private readonly InFlight _pauses;

    private LoopbackSite(WebApplication app, Uri address, ConcurrentQueue<string> requests, StrongBox<int> connections, InFlight pauses)
    {
        _connections = connections;
        _pauses = pauses;
        _app = app;
        Address = address;
        Requests = requests;
    }

    public Uri Address { get; }

    /// <summary>
    /// TCP connections this site accepted: a TLS handshake or a request that never completes counts too.
    /// </summary>
    public int Connections => Volatile.Read(ref _connections.Value);

    /// <summary>The most requests to <c>/pause</c> (each answered after 300 ms) that were in progress at once.</summary>
    public int PausesAtOnce => Volatile.Read(ref _pauses.Peak);

    /// <summary>"METHOD /path User-Agent" of every request received.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public string Url(string path) => new Uri(Address, path).ToString();

    public static async Task<LoopbackSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var connections = new StrongBox<int>();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref connections.Value);
            return next(connection);
        })));
        var app = builder.Build();
        var requests = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path} {context.Request.Headers.UserAgent}");
            return next(context);
        });
        string[] getAndHead = ["GET", "HEAD"];
        app.MapMethods("/ok", getAndHead, () => Results.Ok());
        app.MapMethods("/missing", getAndHead, () => Results.NotFound());
        app.MapGet("/get-only", () => "ok"); // HEAD gets 405
        app.MapMethods("/moved", getAndHead, () => Results.Redirect("/ok"));
        app.MapMethods("/loop", getAndHead, () => Results.Redirect("/loop"));
        app.MapMethods("/to-file", getAndHead, () => Results.Redirect("file:///etc/passwd"));
        app.MapMethods("/to-moved-file", getAndHead, () => Results.Redirect("/to-file"));
        app.MapMethods("/slow", getAndHead, async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(60), aborted);
            return Results.Ok();
        });
        var pauses = new InFlight();
        app.MapGet("/pause", async () =>
        {
            var now = Interlocked.Increment(ref pauses.Now);
            for (var peak = pauses.Peak; now > peak; peak = pauses.Peak)
            {
                Interlocked.CompareExchange(ref pauses.Peak, now, peak);
            }
            await Task.Delay(300);
            Interlocked.Decrement(ref pauses.Now);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackSite(app, new Uri(address), requests, connections, pauses);
    }

    /// <summary>A loopback port with nothing listening on it.</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class InFlight
    {
        public int Now;
        public int Peak;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
