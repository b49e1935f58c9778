// Makes the entry point visible to WebApplicationFactory<Program> in the tests.
#pragma warning disable CA1050, S1118
public partial class Program;
#pragma warning restore CA1050, S1118
