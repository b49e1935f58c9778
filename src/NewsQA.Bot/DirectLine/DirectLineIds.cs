using System.Globalization;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The ids of Direct Line activities: a stored one is its conversation's id and its sequence number (its place in the
/// watermark order, seven digits so that ids sort as they were stored); a live one, never stored, a random suffix.
/// </summary>
public static class DirectLineIds
{
    public static string Activity(string conversationId, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    public static string Live(string conversationId) => $"{conversationId}|live-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";
}
