namespace ItaSurvey.Core.Model;

/// <summary>How many responses an agency must collect for each perception instrument.</summary>
public sealed record MinimumSampleRules(IitSampleRule Iit, EitSampleRule Eit, string? Source = null, string? Note = null);

/// <summary>The IIT minimum: a share of the staff headcount, at least a floor, everyone when fewer.</summary>
public sealed record IitSampleRule(double PercentOfHeadcount, int AtLeast, string? Source = null, string? Note = null)
{
    /// <summary>The minimum number of IIT responses for a headcount of staff with at least a year of service.</summary>
    public int MinimumFor(int headcount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headcount);
        if (headcount < AtLeast)
        {
            return headcount;
        }
        // Work in decimal so 10 % of 350 is 35 exactly, not 35.000000000000004 rounded up to 36.
        var share = Math.Ceiling((decimal)headcount * (decimal)PercentOfHeadcount / 100m);
        return Math.Max(AtLeast, (int)share);
    }
}

/// <summary>The EIT minimum per agency group.</summary>
public sealed record EitSampleRule(IReadOnlyList<AgencyGroupMinimum> Groups, string? Source = null, string? Note = null)
{
    /// <summary>The minimum for an agency group code, or null when the group is unknown this year.</summary>
    public int? MinimumFor(string agencyGroup) => Groups.FirstOrDefault(g => g.Code == agencyGroup)?.Minimum;
}

/// <summary>An agency group and its EIT minimum.</summary>
public sealed record AgencyGroupMinimum(string Code, LocalizedText Name, int Minimum, string? Note = null);
