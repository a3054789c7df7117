using System.Text.Json;

namespace Genomics.Access;

/// <summary>Verification of the hash chain.</summary>
public sealed partial class AuditLog
{
    private static readonly string[] RequiredMembers = ["time", "operation", "inputs", "outputs", "decision", "prev"];

    /// <summary>
    /// Checks every line: complete (ends with a newline), a JSON object with the audit members, and "prev" equal to
    /// the hash of the line before (the genesis value for line 1). A deleted, edited, reordered or truncated line
    /// breaks the chain at that line or the next one, which is reported. Removing whole lines from the end leaves a
    /// valid shorter chain: compare <see cref="AuditVerification.HeadHash"/> with one recorded elsewhere to see that.
    /// </summary>
    public static AuditVerification Verify(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var expected = Genesis;
        long number = 0;
        var line = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            while (span.Length > 0)
            {
                var newline = span.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    line.Write(span);
                    break;
                }

                line.Write(span[..newline]);
                span = span[(newline + 1)..];
                number++;
                if (Check(line.ToArray(), number, expected) is { } failure)
                {
                    return new AuditVerification(false, number - 1, number, failure, expected);
                }

                expected = Hash(line.GetBuffer().AsSpan(0, (int)line.Length));
                line.SetLength(0);
            }
        }

        if (line.Length > 0)
        {
            return new AuditVerification(false, number, number + 1, $"line {number + 1} is incomplete (no final newline): the log was truncated inside a line", expected);
        }

        return new AuditVerification(true, number, null, null, expected);
    }

    private static string? Check(byte[] line, long number, string expected)
    {
        string? prev;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"line {number} is not a JSON object";
            }

            foreach (var member in RequiredMembers)
            {
                if (!root.TryGetProperty(member, out _))
                {
                    return $"line {number} lacks \"{member}\": edited or truncated";
                }
            }

            prev = root.GetProperty("prev").ValueKind == JsonValueKind.String ? root.GetProperty("prev").GetString() : null;
        }
        catch (JsonException)
        {
            return $"line {number} is not valid JSON: edited or truncated";
        }

        if (prev == expected)
        {
            return null;
        }

        return number == 1
            ? "line 1 does not start the chain (its prev is not the genesis value): lines were deleted from the start, or line 1 was replaced"
            : $"line {number} does not follow line {number - 1} (its prev is not the hash of line {number - 1}): line {number - 1} was edited, or lines were deleted or reordered here";
    }
}
