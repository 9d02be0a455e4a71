namespace ItaSurvey.Web.Hosting;

/// <summary>The settings every <see cref="PeriodicWorkService{TOptions}"/> reads; each job's options class adds its own.</summary>
public interface IPeriodicWorkOptions
{
    /// <summary>Off stops the periodic work; the job's on-demand entry point still works.</summary>
    bool Enabled { get; }

    /// <summary>How long after start the first pass begins, so start-up and short-lived processes stay quiet.</summary>
    TimeSpan StartDelay { get; }

    /// <summary>Time between passes.</summary>
    TimeSpan Interval { get; }
}
