namespace Genomics.Cli;

/// <summary>
/// Runs a command body and turns every failure into one line on stderr and its documented exit code.
/// Stack traces are for bugs only (GENOMICS_DEBUG=1 shows them).
/// </summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            return body();
        }
        catch (Access.AccessDeniedException e)
        {
            return Fail(error, e.Message, ExitCodes.AccessDenied, e);
        }
        catch (Commands.UsageException e)
        {
            return Fail(error, e.Message, ExitCodes.Usage, e);
        }
        catch (GenomicsFormatException e)
        {
            return Fail(error, e.Message, ExitCodes.For(e.Kind), e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return Fail(error, e.Message, ExitCodes.Io, e);
        }
        catch (Parquet.CodecUnavailableException e)
        {
            return Fail(error, e.Message, ExitCodes.Unsupported, e);
        }
        catch (Exception e)
        {
            return Fail(error, $"internal error ({e.GetType().Name}): {e.Message}. Please report this with the command you ran.", ExitCodes.Internal, e);
        }
    }

    private static int Fail(TextWriter error, string message, int code, Exception e)
    {
        error.WriteLine($"genomics: error: {message.ReplaceLineEndings(" ")}");
        if (Environment.GetEnvironmentVariable("GENOMICS_DEBUG") == "1")
        {
            error.WriteLine(e.ToString());
        }

        return code;
    }
}
