using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Genomics.Tests.Conversion;

/// <summary>
/// Runs SQL in DuckDB (@duckdb/node-api from tests/interop) and returns every row as text, cast by DuckDB itself.
/// Deliberately small and self-contained; it can later give way to the shared NodeInterop helper. A missing Node.js
/// or DuckDB package is a failure, not a skip: this is the outside evidence that the dataset reads in DuckDB.
/// </summary>
internal static class DuckDbQuery
{
    // Each argument after the script is one statement; the output is a JSON array (per statement) of rows of strings.
    private const string Script = """
        import { DuckDBInstance } from '@duckdb/node-api';
        const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
        const connection = await instance.connect();
        const results = [];
        for (const sql of process.argv.slice(1)) {
          const reader = await connection.runAndReadAll(sql);
          results.push(reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v)))));
        }
        connection.closeSync();
        instance.closeSync();
        console.log(JSON.stringify(results));
        """;

    private static readonly Lock InstallGate = new();
    private static bool installed;

    private static string InteropDirectory => Path.Combine(Path.GetDirectoryName(Plink.PlinkTestData.Path(""))!, "tests", "interop");

    public static string Sql(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Runs the statements in one DuckDB session; result[statement][row][column].</summary>
    public static string?[][][] Run(params string[] statements)
    {
        EnsureInstalled();
        var output = RunProcess("node", ["--input-type=module", "-e", Script, .. statements], TimeSpan.FromMinutes(2));
        return JsonSerializer.Deserialize<string?[][][]>(output)!;
    }

    private static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }

            // npm ci at most once, also across test processes (FileShare.None is an exclusive lock on the file).
            var deadline = Stopwatch.StartNew();
            FileStream? fileLock = null;
            while (fileLock is null)
            {
                try
                {
                    fileLock = new FileStream(Path.Combine(InteropDirectory, ".npm-install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (deadline.Elapsed < TimeSpan.FromMinutes(10))
                {
                    Thread.Sleep(200);
                }
            }

            using (fileLock)
            {
                if (!File.Exists(Path.Combine(InteropDirectory, "node_modules", "@duckdb", "node-api", "package.json")))
                {
                    RunProcess("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(10));
                }
            }

            installed = true;
        }
    }

    private static string RunProcess(string fileName, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = InteropDirectory,
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

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName} (Node.js 20+ and npm must be on PATH)");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}");
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"{fileName} {args[0]} … exited with {process.ExitCode}: {stderr.Result}");
    }
}
