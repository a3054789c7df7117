using System.Diagnostics;

namespace Genomics.Benchmarks.Vcf;

/// <summary>
/// The benchmark input: a VCF of 2000 samples × 20000 variants made by the project's simulator
/// (<c>python3 ../shared/tools/simvcf.py 2000 20000 1 [--format F]</c>, which needs NumPy), kept in the temp folder so
/// each benchmark process does not make it again. <c>GENOMICS_SIMVCF</c> and <c>GENOMICS_PYTHON</c> override where the
/// script and a Python with NumPy are.
/// </summary>
internal static class SimulatedVcf
{
    public static string Path(string format) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"genomics-bench-simvcf-2000x20000-{format.Replace(':', '_')}.vcf");

    public static string EnsureExists(string format)
    {
        var path = Path(format);
        if (File.Exists(path))
        {
            return path;
        }

        var temporary = path + $".{Environment.ProcessId}.tmp";
        var start = new ProcessStartInfo(Python())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Script(), "2000", "20000", "1", "--format", format })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Python"))
        using (var output = File.Create(temporary))
        {
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"simvcf.py failed: {errors.Result}");
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Python() =>
        Environment.GetEnvironmentVariable("GENOMICS_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    private static string Script()
    {
        if (Environment.GetEnvironmentVariable("GENOMICS_SIMVCF") is { Length: > 0 } script)
        {
            return script;
        }

        // The shared folder sits beside the checkout: <root>/../shared/tools/simvcf.py.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Genomics.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, "..", "shared", "tools", "simvcf.py");
            }
        }

        throw new InvalidOperationException("simvcf.py not found; set GENOMICS_SIMVCF");
    }
}
