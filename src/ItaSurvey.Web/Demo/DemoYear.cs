namespace ItaSurvey.Web.Demo;

/// <summary>
/// How one fiscal year of the demo municipality is shaped: answer targets (the mean score each
/// question should come out near), the OIT items it lacks and when its round ran.
/// </summary>
/// <param name="FiscalYear">The fiscal year (Buddhist Era).</param>
/// <param name="Seed">The seed of the year's random answers, so every run gives the same data.</param>
/// <param name="IndicatorTargets">Target score of every question of an indicator ("1".."8").</param>
/// <param name="QuestionTargets">Targets of single questions, overriding their indicator's.</param>
/// <param name="MissingOit">OIT items answered ไม่มี, in that year's numbering.</param>
public sealed record DemoYear(
    int FiscalYear,
    int Seed,
    IReadOnlyDictionary<string, double> IndicatorTargets,
    IReadOnlyDictionary<string, double> QuestionTargets,
    IReadOnlyList<string> MissingOit)
{
    /// <summary>The round ran in April–June of the fiscal year (Buddhist Era year - 543, Common Era).</summary>
    public DateOnly OpensOn => new(FiscalYear - 543, 4, 1);

    public DateOnly UsualCloseOn => new(FiscalYear - 543, 6, 30);

    public double TargetOf(string questionCode, string indicator) =>
        QuestionTargets.TryGetValue(questionCode, out var target) ? target : IndicatorTargets[indicator];

    /// <summary>
    /// The three years, shaped like the seed report: in 2565 14 OIT items missing (indicator 9 at the
    /// report's 53.99) and indicator 3 the weakest IIT indicator through I13, I14 and I18; 2566 with those fixed; 2564 a little weaker than 2565.
    /// </summary>
    public static readonly DemoYear[] All =
    [
        new(2564, 2564,
            Targets(iit: [95, 92, 92, 94, 91.5], eit: [94.5, 93, 93]),
            new Dictionary<string, double> { ["I13"] = 82, ["I14"] = 80, ["I18"] = 84 },
            ["O4", "O8", "O11", "O15", "O16", "O17", "O18", "O19", "O20", "O23", "O24", "O28", "O29", "O30", "O31", "O36"]),
        new(2565, 2565,
            Targets(iit: [96.5, 95, 93.5, 95.5, 95], eit: [97, 96, 96]),
            new Dictionary<string, double> { ["I13"] = 80, ["I14"] = 78, ["I18"] = 81 },
            // The report lists 1, 4, 5, 1 and 3 of them under 9.1-9.5, which gives 56.49; its 53.99 needs
            // 1, 3, 5, 2 and 3 (the only spread of 14 that does). So one of the 9.2 items it names
            // (O16, whose action is the vaguest) was present, and a second 9.4 item (O27) was missing.
            ["O4", "O11", "O15", "O17", "O18", "O19", "O20", "O23", "O24", "O27", "O28", "O29", "O30", "O31"]),
        new(2566, 2566,
            Targets(iit: [96, 94, 94, 95.5, 94.5], eit: [96, 95, 95.5]),
            new Dictionary<string, double> { ["I13"] = 92, ["I14"] = 91, ["I18"] = 92 },
            ["O41"]),
    ];

    private static Dictionary<string, double> Targets(double[] iit, double[] eit) =>
        iit.Concat(eit).Select((target, i) => (Code: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), target))
            .ToDictionary(x => x.Code, x => x.target);
}
