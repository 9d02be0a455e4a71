using System.ComponentModel.DataAnnotations;

using ItaSurvey.Web.Hosting;

namespace ItaSurvey.Web.Oit;

/// <summary>The background check of OIT evidence URLs (section "Oit:LinkCheck").</summary>
public sealed class LinkCheckOptions : IPeriodicWorkOptions
{
    public const string Section = "Oit:LinkCheck";

    /// <summary>Off stops the periodic check; <see cref="OitLinkChecker.CheckNowAsync"/> still works.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after start the first pass begins, so start-up and short-lived processes stay quiet.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between passes.</summary>
    [TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>URLs read and checked together; a pass goes on batch after batch until nothing is due.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long one URL may take, redirects, reading and extracting its text included.</summary>
    [TimeSpanRange("00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A URL checked longer ago than this is checked again.</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromHours(24);

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>URLs checked at the same time.</summary>
    [Range(1, 32)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Bytes of an HTML or text page read; the text of a longer page is judged on its beginning.</summary>
    [Range(16 * 1024, 16 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 1024 * 1024;

    /// <summary>Bytes of a PDF read (after HTTP decompression); a larger one is recorded as too large, unread.</summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The bytes a PDF's compressed streams may inflate to, in all, before it is treated as too large (a PDF bomb).</summary>
    [Range(1024 * 1024, 512 * 1024 * 1024)]
    public int MaxDecompressedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>PDF pages whose text is read.</summary>
    [Range(1, 500)]
    public int MaxPdfPages { get; set; } = 30;

    /// <summary>Characters of text kept from one page or document for judging.</summary>
    [Range(1000, 2_000_000)]
    public int MaxTextCharacters { get; set; } = 200_000;

    /// <summary>
    /// Off (the default) refuses to connect to loopback, private and link-local addresses, so an
    /// evidence URL cannot make the server probe its own network. Tests against a loopback server turn
    /// it on; the app refuses to start with it on outside <see cref="MayReachPrivateNetworks"/>.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The environment tests and benchmarks run in: production behaviour, but the link check may reach a local site.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>Only Development and Testing may honour <see cref="AllowPrivateNetworks"/>.</summary>
    public static bool MayReachPrivateNetworks(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);
}
