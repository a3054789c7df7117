namespace Genomics;

/// <summary>Version and identity of the engine.</summary>
public static class EngineInfo
{
    public static string Version => typeof(EngineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
