namespace NewsQA.Bot.DirectLine;

/// <summary>An issued Direct Line token and the seconds it lives, as the protocol's expires_in reports them.</summary>
public sealed record DirectLineToken(string Token, int ExpiresIn);
