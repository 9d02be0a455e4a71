using System.Diagnostics.CodeAnalysis;
using ItaSurvey.Core.Loading;
using ItaSurvey.Core.Model;

namespace ItaSurvey.Web.Surveys;

/// <summary>Why a change to a fiscal-year version was refused; pages and the API decide on the kind.</summary>
public enum VersionFailureKind
{
    /// <summary>No such version (or fiscal year, or round).</summary>
    NotFound,

    /// <summary>Only a system administrator may change fiscal years.</summary>
    Denied,

    /// <summary>The version is published: it never changes.</summary>
    Published,

    /// <summary>Someone saved the draft after the revision the change started from; nothing was overwritten.</summary>
    Stale,

    /// <summary>The files have problems (listed); nothing was stored.</summary>
    Invalid,

    /// <summary>The same content is published already.</summary>
    Duplicate,

    /// <summary>A re-pin to a version with another answer layout.</summary>
    Incompatible,
}

/// <summary>A refused change: its kind, one message in Thai and English, and the definition problems when there are any.</summary>
public sealed record VersionFailure(VersionFailureKind Kind, LocalizedText Message, IReadOnlyList<DefinitionProblem> Problems)
{
    public static VersionFailure Of(VersionFailureKind kind, string th, string en) => new(kind, new LocalizedText(th, en), []);

    public static VersionFailure NotFound() => Of(VersionFailureKind.NotFound, "ไม่พบฉบับของปีงบประมาณที่ต้องการ", "No such fiscal-year version.");

    public static VersionFailure Denied() => Of(VersionFailureKind.Denied, "เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขปีงบประมาณได้", "Only a system administrator may change fiscal years.");

    public static VersionFailure Published(int fiscalYear, int number) => Of(VersionFailureKind.Published,
        $"ฉบับที่ {number} ของปี {fiscalYear} เผยแพร่แล้วจึงแก้ไขไม่ได้ สร้างฉบับใหม่จากฉบับนี้แทน",
        $"Version {number} of {fiscalYear} is published and never changes: make a new version from it instead.");

    public static VersionFailure Invalid(IReadOnlyList<DefinitionProblem> problems) => new(VersionFailureKind.Invalid,
        new LocalizedText($"พบปัญหา {problems.Count} รายการ ยังไม่ได้บันทึกอะไร", $"{problems.Count} problem(s) found; nothing was stored."), problems);
}

/// <summary>The result of a change: the value, or the failure that stopped it.</summary>
public sealed record VersionOutcome<T>(T? Value, VersionFailure? Failure = null)
{
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator VersionOutcome<T>(VersionFailure failure) => new(default, failure);

    public static implicit operator VersionOutcome<T>(T value) => new(value);
}
