namespace Genomics.Cli;

/// <summary>The process exit codes; the README lists them so scripts can branch on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int Io = 2;
    public const int NotRecognized = 3;
    public const int Truncated = 4;
    public const int Corrupt = 5;
    public const int Malformed = 6;
    public const int Mismatch = 7;
    public const int Unsupported = 8;
    public const int AccessDenied = 9;
    public const int Internal = 10;

    public static int For(InputErrorKind kind) => kind switch
    {
        InputErrorKind.NotRecognized => NotRecognized,
        InputErrorKind.Truncated => Truncated,
        InputErrorKind.Corrupt => Corrupt,
        InputErrorKind.Malformed => Malformed,
        InputErrorKind.Mismatch => Mismatch,
        InputErrorKind.Unsupported => Unsupported,
        _ => Internal,
    };
}
