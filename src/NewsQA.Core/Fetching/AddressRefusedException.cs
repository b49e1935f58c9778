namespace NewsQA.Core.Fetching;

/// <summary>A connection NewsQA would not open: the address is not public (<see cref="FetchAddressPolicy"/>); the message says which and why.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
