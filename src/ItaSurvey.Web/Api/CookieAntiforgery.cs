using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ItaSurvey.Web.Api;

/// <summary>
/// A write to the API made with the admin cookie must carry an antiforgery token in the
/// RequestVerificationToken header: a browser sends the cookie to any site's request, and the
/// cookie's SameSite=Strict should not be the only defence. Writes with an API token are not
/// affected: another site cannot make a browser send one.
/// </summary>
public static class CookieAntiforgery
{
    public static async ValueTask<object?> RequireForCookieWrites(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsWrite(http.Request.Method)
            && http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return ApiProblems.Forbidden(
                "A change made with the sign-in cookie needs the antiforgery token in the 'RequestVerificationToken' header. " +
                "Scripts should send a personal API token instead ('Authorization: Bearer itas_…'). " +
                "การเปลี่ยนแปลงผ่านคุกกี้เข้าสู่ระบบต้องแนบโทเคนป้องกันการปลอมคำขอ สคริปต์ควรใช้โทเคน API");
        }
        return await next(context);
    }

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
