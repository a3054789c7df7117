using System.Text;
using Genomics.Access;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Access;

/// <summary>The audit hash chain: tampering of every kind is detected at the right line; concurrent appends keep it valid.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static AuditEntry Entry(int i) => new()
    {
        Time = GrantFixture.Now.AddMinutes(i),
        Subject = $"researcher-{i}",
        Institution = "Example University",
        Workspace = "ws-1",
        Operation = "convert",
        Inputs = [new AuditInput($"/data/in{i}.vcf", new string('a', 64))],
        Outputs = [$"/out/{i}"],
        Allowed = i % 3 != 0,
        Reason = i % 3 != 0 ? null : "the grant expired",
    };

    private string WriteLog(int lines)
    {
        var path = directory.File("audit.jsonl");
        var log = new AuditLog(path);
        for (var i = 1; i <= lines; i++)
        {
            log.Append(Entry(i));
        }

        return path;
    }

    private static void Rewrite(string path, Func<List<string>, List<string>> edit) =>
        File.WriteAllText(path, string.Concat(edit([.. File.ReadAllLines(path)]).Select(l => l + "\n")));

    private static void AssertBrokenAt(string path, long line, string phrase)
    {
        var result = AuditLog.Verify(path);
        Assert.False(result.IsValid);
        Assert.Equal(line, result.FailedLine);
        Assert.Equal(line - 1, result.Lines);
        Assert.Contains(phrase, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untouched_log_verifies_and_its_head_is_the_last_line_hash()
    {
        var path = WriteLog(5);
        var result = AuditLog.Verify(path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(5, result.Lines);
        Assert.Equal(AuditLog.Hash(Encoding.UTF8.GetBytes(File.ReadAllLines(path)[^1])), result.HeadHash);
    }

    [Fact]
    public void Deleting_a_line_is_detected_at_its_place()
    {
        var path = WriteLog(5);
        Rewrite(path, l => { l.RemoveAt(2); return l; });
        AssertBrokenAt(path, 3, "does not follow line 2");
    }

    [Fact]
    public void Deleting_the_first_line_is_detected()
    {
        var path = WriteLog(5);
        Rewrite(path, l => l.Skip(1).ToList());
        AssertBrokenAt(path, 1, "genesis");
    }

    [Fact]
    public void Editing_a_line_is_detected_at_the_next_line()
    {
        var path = WriteLog(5);
        Rewrite(path, l => { l[1] = l[1].Replace("\"decision\":\"allow\"", "\"decision\":\"deny\"", StringComparison.Ordinal); return l; });
        Assert.Contains("\"deny\"", File.ReadAllLines(path)[1], StringComparison.Ordinal);
        AssertBrokenAt(path, 3, "line 2 was edited");
    }

    [Fact]
    public void Editing_a_line_and_its_prev_link_is_still_detected_downstream()
    {
        // A forger who fixes the next line's prev has changed that line, so the line after it breaks.
        var path = WriteLog(5);
        Rewrite(path, l =>
        {
            var oldHash = AuditLog.Hash(Encoding.UTF8.GetBytes(l[1]));
            l[1] = l[1].Replace("researcher-2", "researcher-X", StringComparison.Ordinal);
            l[2] = l[2].Replace(oldHash, AuditLog.Hash(Encoding.UTF8.GetBytes(l[1])), StringComparison.Ordinal);
            return l;
        });
        AssertBrokenAt(path, 4, "does not follow line 3");
    }

    [Fact]
    public void Reordering_lines_is_detected()
    {
        var path = WriteLog(5);
        Rewrite(path, l => { (l[1], l[2]) = (l[2], l[1]); return l; });
        AssertBrokenAt(path, 2, "does not follow line 1");
    }

    [Fact]
    public void Truncating_a_line_in_the_middle_is_detected()
    {
        var path = WriteLog(5);
        Rewrite(path, l => { l[2] = l[2][..(l[2].Length / 2)]; return l; });
        AssertBrokenAt(path, 3, "not valid JSON");
    }

    [Fact]
    public void Truncating_the_file_inside_the_last_line_is_detected_and_blocks_appends()
    {
        var path = WriteLog(4);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        AssertBrokenAt(path, 4, "incomplete");
        Assert.Throws<IOException>(() => new AuditLog(path).Append(Entry(9)));
    }

    [Fact]
    public void Concurrent_appends_through_separate_handles_keep_the_chain_valid()
    {
        var path = directory.File("audit.jsonl");
        const int Writers = 8;
        const int PerWriter = 40;
        // Each writer has its own AuditLog and so its own file handle per append: the lock is the only coordination.
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, w =>
        {
            var log = new AuditLog(path);
            for (var i = 0; i < PerWriter; i++)
            {
                log.Append(Entry((w * 1000) + i + 1));
            }
        });

        var result = AuditLog.Verify(path);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(Writers * PerWriter, result.Lines);
    }

    [Fact]
    public void Location_is_the_option_then_the_environment_then_the_state_folder()
    {
        var saved = (Environment.GetEnvironmentVariable("GENOMICS_AUDIT_LOG"), Environment.GetEnvironmentVariable("XDG_STATE_HOME"));
        try
        {
            Environment.SetEnvironmentVariable("GENOMICS_AUDIT_LOG", "/from/env.jsonl");
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", "/xdg/state");
            Assert.Equal("/explicit.jsonl", AuditLog.ResolvePath("/explicit.jsonl"));
            Assert.Equal("/from/env.jsonl", AuditLog.ResolvePath(null));
            Environment.SetEnvironmentVariable("GENOMICS_AUDIT_LOG", null);
            Assert.Equal("/xdg/state/genomics/audit.jsonl", AuditLog.ResolvePath(null));
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", null);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Assert.Equal(Path.Combine(home, ".local", "state", "genomics", "audit.jsonl"), AuditLog.ResolvePath(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GENOMICS_AUDIT_LOG", saved.Item1);
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", saved.Item2);
        }
    }

    [Fact]
    public void An_empty_or_missing_folder_is_created_and_a_fresh_log_starts_from_genesis()
    {
        var path = directory.File("a/b/audit.jsonl");
        new AuditLog(path).Append(Entry(1));
        Assert.Contains($"\"prev\":\"{AuditLog.Genesis}\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.True(AuditLog.Verify(path).IsValid);
    }
}
