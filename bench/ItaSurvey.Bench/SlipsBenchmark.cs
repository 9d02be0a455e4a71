using System.Diagnostics;
using System.Globalization;
using ItaSurvey.Web.Sharing;

namespace ItaSurvey.Bench;

/// <summary>Times drawing N single-use slips (QR code, Thai text, typed code) into one PDF.</summary>
internal static class SlipsBenchmark
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var slips = Enumerable.Range(0, count)
            .Select(_ =>
            {
                var code = ItaSurvey.Web.Responding.ShortCodes.New(ItaSurvey.Web.Responding.ShortCodes.AccessCodeLength);
                return new SlipContent("เทศบาลตำบลคลองวาฬ", "ปีงบประมาณ พ.ศ. 2566", "https://ita.example.go.th/go/iit/JF5TRZ?k=" + code,
                    "https://ita.example.go.th/go/iit/JF5TRZ", code);
            })
            .ToList();

        PrintDocuments.Slips(slips.Take(10).ToList(), "warm-up"); // JIT, fonts, native libraries
        var timings = new List<double>();
        var size = 0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            size = PrintDocuments.Slips(slips, "benchmark").Length;
            timings.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"slips: {count:N0} slips, {(count + PrintDocuments.SlipsPerPage - 1) / PrintDocuments.SlipsPerPage} A4 pages, {size / 1024.0 / 1024.0:F1} MB PDF");
        Console.WriteLine($"slips: best {timings.Min():F2} s, median {timings.Order().ElementAt(1):F2} s, worst {timings.Max():F2} s (3 runs after a warm-up)");
        return 0;
    }
}
