using Microsoft.AspNetCore.Diagnostics;

namespace ItaSurvey.Web.Security;

public static class ErrorPages
{
    /// <summary>
    /// The status-code and error pages are re-executed with the failed request's method, so a
    /// rejected POST (a missing antiforgery token) re-ran the page as a POST, whose own
    /// antiforgery check then threw: a 400 became a 500. The pages only read, so they run as GET.
    /// Goes after UseStatusCodePagesWithReExecute: it sees the re-executed request.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<IExceptionHandlerPathFeature>() is not null;
            if (!reExecuted || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }
            var method = context.Request.Method;
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next();
            }
            finally
            {
                context.Request.Method = method;
            }
        });
}
