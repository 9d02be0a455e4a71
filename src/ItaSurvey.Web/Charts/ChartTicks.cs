using ScottPlot.TickGenerators;

namespace ItaSurvey.Web.Charts;

/// <summary>A labelled tick on an axis.</summary>
public readonly record struct ChartTick(double Position, string Label);

/// <summary>Hand-made ticks: ScottPlot's automatic ones would write 2,566 or 2566.5 for years.</summary>
public static class ChartTicks
{
    /// <summary>One tick per whole year present, labelled "2566".</summary>
    public static IReadOnlyList<ChartTick> Years(IEnumerable<int> years) =>
        [.. years.Distinct().Order().Select(year => new ChartTick(year, ChartText.Year(year)))];

    /// <summary>Ticks every <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/>, labelled with <paramref name="format"/>.</summary>
    public static IReadOnlyList<ChartTick> Steps(double from, double to, double step, Func<double, string>? format = null)
    {
        var ticks = new List<ChartTick>();
        for (var i = 0; from + i * step <= to + step / 1000; i++)
        {
            var value = from + i * step;
            ticks.Add(new ChartTick(value, format?.Invoke(value) ?? ChartText.Number(value)));
        }
        return ticks;
    }

    internal static NumericManual Generator(IEnumerable<ChartTick> ticks)
    {
        var generator = new NumericManual();
        foreach (var tick in ticks)
        {
            generator.AddMajor(tick.Position, tick.Label);
        }
        return generator;
    }
}
