using Microsoft.Playwright;

namespace ItaSurvey.E2E.Tests.Infrastructure;

/// <summary>
/// A scenario class: the shared server, its class's browser, and a new context per use. Every
/// test opens a context first, which skips the test (or fails it in CI) without Chromium.
/// </summary>
public abstract class BrowserTest(AppServer server, BrowserFixture browsers) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected AppServer Server => server;

    /// <summary>A desktop-sized context in Thai, at the server's address.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        Chromium.Require();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = server.Address.ToString();
        options.Locale ??= "th-TH";
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await browsers.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in as the seeded system administrator through the login form; the page ends on /admin.</summary>
    protected static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("อีเมล").FillAsync(AppServer.AdminEmail);
        await page.GetByLabel("รหัสผ่าน").FillAsync(AppServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
    }

    /// <summary>
    /// Opens an interactive admin page and lets its live connection take over the prerendered
    /// HTML (which it replaces, briefly with "กำลังโหลด…"), then waits for <paramref name="ready"/>.
    /// When the test reads elements afterwards (rather than clicking, which retries), make
    /// <paramref name="ready"/> something only the live page has, such as <see cref="Live"/> of a
    /// control the prerendered copy disables: an element found in the prerendered copy is
    /// detached when the connection replaces it, and may be so under load after the wait.
    /// </summary>
    protected static async Task OpenInteractiveAsync(IPage page, string path, ILocator ready)
    {
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByText("กำลังโหลด…").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ready.WaitForAsync();
    }

    /// <summary>The control of <paramref name="selector"/> once enabled, which admin pages do only over their live connection.</summary>
    protected static ILocator Live(IPage page, string selector) => page.Locator(selector + ":enabled");

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        GC.SuppressFinalize(this);
    }
}
