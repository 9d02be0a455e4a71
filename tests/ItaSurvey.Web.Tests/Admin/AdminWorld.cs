using ItaSurvey.Web.Rounds;

namespace ItaSurvey.Web.Tests.Admin;

/// <summary>Two agencies with a single-use-code round each: ours and another one whose name and codes must never show to our users.</summary>
public sealed class AdminWorld() : TwoAgencyWorld(IitMode.SingleUseCodes);
