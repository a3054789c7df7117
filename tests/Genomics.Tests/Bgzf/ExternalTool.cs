using System.Diagnostics;

namespace Genomics.Tests.Bgzf;

/// <summary>Runs optional command-line tools (gzip, bgzip) that tests compare against when the machine has them.</summary>
internal static class ExternalTool
{
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));

    /// <summary>Runs a tool, feeding <paramref name="input"/> on stdin, and returns its stdout; throws on a non-zero exit.</summary>
    public static byte[] Run(string name, IEnumerable<string> arguments, byte[]? input = null)
    {
        var start = new ProcessStartInfo(name)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var feed = Task.Run(() =>
        {
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
            }
        });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        feed.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {process.ExitCode}");
        }

        return output.ToArray();
    }
}
