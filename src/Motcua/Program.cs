using Motcua;

return await MotcuaProgram.RunAsync(args);

/// <summary>The entry point type, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
