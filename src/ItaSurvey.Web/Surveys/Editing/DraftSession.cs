using System.Security.Claims;

namespace ItaSurvey.Web.Surveys.Editing;

/// <summary>
/// One administrator's editing of a draft: the files as nodes, the revision they were loaded at,
/// and what autosave did. A save sends the revision it knows; when someone else saved in between
/// the service refuses it (nothing is overwritten), <see cref="Stopped"/> holds the reason and no
/// later save is tried until the page loads the latest version.
/// </summary>
public sealed class DraftSession(SurveyVersions versions, ClaimsPrincipal user, VersionDetail detail)
{
    private readonly SemaphoreSlim _saving = new(1, 1);
    private int _savedChanges;

    public JsonDraft Draft { get; } = JsonDraft.From(detail.Files);

    public int VersionId { get; } = detail.Version.Id;

    /// <summary>The revision of the last load or save; the next save is made against it.</summary>
    public int Revision { get; private set; } = detail.Version.Revision;

    /// <summary>When the last save succeeded (UTC), or null before the first.</summary>
    public DateTime? SavedAt { get; private set; }

    /// <summary>Why saving stopped (another administrator saved, the draft was published or deleted); null while saves go on.</summary>
    public VersionFailure? Stopped { get; private set; }

    /// <summary>A save that was refused for what the files are (too large); saving goes on with the next change.</summary>
    public VersionFailure? Refused { get; private set; }

    /// <summary>True when there are changes not saved yet.</summary>
    public bool Dirty => Draft.Changes != _savedChanges;

    /// <summary>Saves the current texts if they changed since the last save; true when they are saved (or there was nothing to save).</summary>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken = default)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            if (Stopped is not null)
            {
                return false;
            }
            if (!Dirty)
            {
                return true;
            }
            var changes = Draft.Changes;
            var outcome = await versions.SaveAsync(user, VersionId, Revision, Draft.Texts(), cancellationToken);
            if (!outcome.Succeeded)
            {
                if (outcome.Failure.Kind is VersionFailureKind.Invalid)
                {
                    Refused = outcome.Failure;
                }
                else
                {
                    Stopped = outcome.Failure;
                }
                return false;
            }
            (Revision, _savedChanges, SavedAt, Refused) = (outcome.Value, changes, DateTime.UtcNow, null);
            return true;
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Saves what is pending, then publishes the revision saved.</summary>
    public async Task<VersionOutcome<int>> PublishAsync(CancellationToken cancellationToken = default)
    {
        if (!await SaveAsync(cancellationToken))
        {
            return Stopped ?? Refused ?? VersionFailure.NotFound();
        }
        return await versions.PublishAsync(user, VersionId, Revision, cancellationToken);
    }
}
