using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Genomics.Parquet.Tests.Interop;

/// <summary>
/// Runs the Node scripts in tests/interop (independent Parquet readers and a DuckDB writer).
/// A missing or too old Node.js is a test failure, never a skip: these tests are the only outside
/// evidence that our files are valid Parquet.
/// </summary>
internal static class NodeInterop
{
    private const int MinimumNodeMajor = 20;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lock InstallGate = new();
    private static bool installed;

    /// <summary>The directory holding Genomics.sln.</summary>
    public static string RepoRoot => Root.Value;

    public static string InteropDirectory => Path.Combine(RepoRoot, "tests", "interop");

    /// <summary>Runs <c>node SCRIPT ARGS…</c> in tests/interop and returns its standard output.</summary>
    public static string Run(string script, params string[] args) => Run(script, DefaultTimeout, args);

    public static string Run(string script, TimeSpan timeout, params string[] args)
    {
        EnsureInstalled();
        return RunProcess("node", [Path.Combine(InteropDirectory, script), .. args], InteropDirectory, timeout);
    }

    /// <summary>
    /// Makes sure node_modules holds the pinned packages, running <c>npm ci</c> at most once per test run.
    /// Test classes run in parallel and test assemblies may run in parallel processes, so the install is
    /// guarded by a lock inside the process and a file lock across processes.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }

            CheckNodeVersion();
            using (AcquireFileLock(Path.Combine(InteropDirectory, ".npm-install.lock"), InstallTimeout))
            {
                if (!PinnedPackagesInstalled())
                {
                    RunProcess("npm", ["ci", "--no-audit", "--no-fund"], InteropDirectory, InstallTimeout);
                    if (!PinnedPackagesInstalled())
                    {
                        throw new InvalidOperationException($"npm ci finished in {InteropDirectory} but the packages pinned in package.json are still not installed.");
                    }
                }
            }

            installed = true;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Genomics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Genomics.sln above {AppContext.BaseDirectory}; the interop tests must run from a build inside the repository.");
    }

    private static void CheckNodeVersion()
    {
        var version = RunProcess("node", ["--version"], InteropDirectory, TimeSpan.FromSeconds(30)).Trim();
        var major = version.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, out var m) || m < MinimumNodeMajor)
        {
            throw new InvalidOperationException($"The Parquet interop tests need Node.js {MinimumNodeMajor} or newer; 'node --version' printed '{version}'.");
        }
    }

    // Compares installed package versions with the exact pins rather than trusting that a node_modules
    // folder exists: a folder left from an older package.json must be replaced.
    private static bool PinnedPackagesInstalled()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(InteropDirectory, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installedManifest = Path.Combine(InteropDirectory, "node_modules", dependency.Name, "package.json");
            if (!File.Exists(installedManifest))
            {
                return false;
            }

            using var package = JsonDocument.Parse(File.ReadAllText(installedManifest));
            if (package.RootElement.GetProperty("version").GetString() != dependency.Value.GetString())
            {
                return false;
            }
        }

        return true;
    }

    private static FileStream AcquireFileLock(string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock that other processes' attempts respect.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < timeout)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string RunProcess(string fileName, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var commandLine = $"{fileName} {string.Join(' ', args)}";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{commandLine}'.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{fileName}' could not be started ({e.Message}). The Parquet interop tests need Node.js {MinimumNodeMajor}+ and npm on PATH; " +
                "install them (e.g. apt-get install nodejs npm) rather than skipping these tests.", e);
        }

        using (process)
        {
            // Nothing is ever typed into these tools; closing stdin keeps a prompt from hanging the test.
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"'{commandLine}' did not finish within {timeout}. stderr:\n{stderr.Result}");
            }

            // The parameterless wait also waits for the redirected streams to reach end of file.
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{commandLine}' exited with code {process.ExitCode}. stderr:\n{stderr.Result}");
            }

            return stdout.Result;
        }
    }
}
