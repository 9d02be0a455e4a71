using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ItaSurvey.Web.Api;

/// <summary>
/// A fixed window of <see cref="ApiOptions.RequestsPerMinute"/> per user: all of a user's tokens
/// share it, so making more tokens does not buy more requests. Refusals are 429 problem details.
/// </summary>
public sealed class ApiRateLimit(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "api";

    // The policy runs after authorization, so every request here has a user.
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, new(
            $"ส่งคำขอถี่เกินไป: API รับได้ {options.Value.RequestsPerMinute} คำขอต่อนาทีต่อผู้ใช้ ลองใหม่ในอีก {wait} วินาที",
            $"Too many requests: the API answers {options.Value.RequestsPerMinute} requests per minute per user. Try again in {wait} seconds."))
            .ExecuteAsync(context.HttpContext);
    };
}
