using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Genomics.Access;

/// <summary>
/// The tamper-evident audit log: JSON lines, each carrying in "prev" the sha256 (hex) of the previous line's bytes,
/// the first one <see cref="Genesis"/>. Appends hold an exclusive lock on the file (flock through FileShare.None), so
/// concurrent processes each read the true last line and the chain stays valid.
/// </summary>
public sealed partial class AuditLog
{
    /// <summary>The "prev" of the first line.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>How long an append waits for another process holding the lock.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public AuditLog(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>
    /// Where the log is: the explicit path (--audit), else GENOMICS_AUDIT_LOG, else
    /// $XDG_STATE_HOME/genomics/audit.jsonl, else ~/.local/state/genomics/audit.jsonl.
    /// </summary>
    public static string ResolvePath(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        if (Environment.GetEnvironmentVariable("GENOMICS_AUDIT_LOG") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
        {
            state = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return System.IO.Path.Combine(state, "genomics", "audit.jsonl");
    }

    /// <summary>Appends one line under the exclusive lock and returns its hash. Any failure is an IOException or UnauthorizedAccessException.</summary>
    public string Append(AuditEntry entry)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        using var stream = OpenLocked();
        var prev = LastLineHash(stream);
        var line = Serialize(entry, prev);
        stream.Seek(0, SeekOrigin.End);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        return Hash(line);
    }

    internal static string Hash(ReadOnlySpan<byte> line) => Convert.ToHexStringLower(SHA256.HashData(line));

    private FileStream OpenLocked()
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        for (var wait = 1; ; wait = Math.Min(wait * 2, 50))
        {
            try
            {
                return new FileStream(Path, options);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && DateTime.UtcNow < deadline && IsLockConflict(e))
            {
                // Another process (or handle) is appending; it holds the lock for one short write.
                Thread.Sleep(wait);
            }
        }
    }

    /// <summary>EWOULDBLOCK from flock surfaces as a sharing violation; other IO errors (read-only, no space) are not retried.</summary>
    private static bool IsLockConflict(IOException e) => e.HResult is 32 or unchecked((int)0x80070020) || e.Message.Contains("being used by another process", StringComparison.Ordinal);

    /// <summary>The hash of the last line; the genesis value for an empty file. Reads backwards, so a long log costs nothing.</summary>
    private string LastLineHash(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return Genesis;
        }

        var last = new byte[1];
        stream.Seek(length - 1, SeekOrigin.Begin);
        stream.ReadExactly(last);
        if (last[0] != (byte)'\n')
        {
            throw new IOException($"audit log {Path} is damaged: its last line is incomplete (run genomics access audit verify)");
        }

        // Search backwards for the newline before the last line.
        var end = length - 1;
        var start = 0L;
        var chunk = new byte[64 * 1024];
        for (var position = end; position > 0 && start == 0;)
        {
            var size = (int)Math.Min(chunk.Length, position);
            position -= size;
            stream.Seek(position, SeekOrigin.Begin);
            stream.ReadExactly(chunk.AsSpan(0, size));
            var newline = chunk.AsSpan(0, size).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                start = position + newline + 1;
            }
        }

        var line = new byte[end - start];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(line);
        return Hash(line);
    }

    private static byte[] Serialize(AuditEntry entry, string prev)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            WriteNullable(json, "subject", entry.Subject);
            WriteNullable(json, "institution", entry.Institution);
            WriteNullable(json, "workspace", entry.Workspace);
            json.WriteString("operation", entry.Operation);
            json.WriteStartArray("inputs");
            foreach (var input in entry.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("path", input.Path);
                WriteNullable(json, "sha256", input.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("outputs");
            foreach (var output in entry.Outputs)
            {
                json.WriteStringValue(output);
            }

            json.WriteEndArray();
            json.WriteString("decision", entry.Allowed ? "allow" : "deny");
            WriteNullable(json, "reason", entry.Reason);
            json.WriteString("prev", prev);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
