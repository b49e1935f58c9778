namespace NewsQA.Core.Conversations;

/// <summary>What saving a turn did.</summary>
public enum SaveOutcome
{
    /// <summary>Saved: the turn's replies may go out.</summary>
    Saved,

    /// <summary>Another turn saved the conversation first: run this turn again on the new version.</summary>
    Changed,

    /// <summary>The same activity was answered meanwhile: its replies must not go out again.</summary>
    AlreadyAnswered,
}
