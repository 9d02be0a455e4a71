using System.Net;
using System.Text;
using ItaSurvey.Testing;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// An agency's web site on 127.0.0.1 for the evidence scenario (HttpListener, no other server):
/// item O1's structure chart for 2566, the same for 2565 only, and a page that answers 200 saying
/// it does not exist.
/// </summary>
public sealed class EvidencePages : IDisposable
{
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/right.html"] = Page("โครงสร้างองค์กร", "<h1>แผนผังโครงสร้างองค์กร</h1><p>ประจำปีงบประมาณ พ.ศ. 2566</p><p>ตำแหน่งผู้บริหาร</p>"),
        ["/last-year.html"] = Page("โครงสร้างองค์กร", "<h1>แผนผังโครงสร้างองค์กร</h1><p>ประจำปีงบประมาณ พ.ศ. 2565</p><p>ตำแหน่งผู้บริหาร</p>"),
        ["/moved.html"] = Page("เทศบาลตำบลทดสอบหลักฐาน", "<h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1><p>กลับสู่หน้าแรก</p>"),
    };

    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public EvidencePages()
    {
        Address = new Uri($"http://127.0.0.1:{AppLauncher.FreePort()}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public string Url(string path) => new Uri(Address, path).ToString();

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }
            var found = Pages.TryGetValue(context.Request.Url!.AbsolutePath, out var page);
            var bytes = Encoding.UTF8.GetBytes(page ?? "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
