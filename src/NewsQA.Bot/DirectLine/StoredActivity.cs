namespace NewsQA.Bot.DirectLine;

/// <summary>
/// An activity as a Direct Line conversation keeps it: serialized once when it arrives, so what it costs is known in
/// bytes and sending it again can never fail; its sequence number is its place in the watermark order.
/// </summary>
public sealed record StoredActivity(int Sequence, byte[] Json);
