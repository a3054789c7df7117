using System.CommandLine;
using System.Text.Json;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics access show GRANT [--trust PATH]</c>: the claims, and whether the grant verifies today.</summary>
internal static class AccessShowCommand
{
    public static Command Create()
    {
        var grantPath = new Argument<string>("grant") { Description = "A grant file" };
        var trust = new Option<string?>("--trust") { Description = "Trusted authority public keys: a PEM file or a folder of *.pem (default: $GENOMICS_TRUST)" };
        var command = new Command("show", "Print a grant's claims and whether it verifies against the trusted keys (exit 9 when it does not)") { grantPath, trust };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(grantPath)!;
            var grant = Grant.Load(path);
            Console.WriteLine($"grant {Path.GetFullPath(path)}");
            Console.WriteLine($"alg {grant.Algorithm ?? "(none)"}, kid {grant.KeyId ?? "(none)"}");
            Console.WriteLine(JsonSerializer.Serialize(grant.Payload, new JsonSerializerOptions { WriteIndented = true }));
            var trustPath = AccessOptions.FromEnvironment(parse.GetValue(trust), "GENOMICS_TRUST");
            if (trustPath is null)
            {
                Console.WriteLine("verification: not checked (no --trust or GENOMICS_TRUST)");
                return ExitCodes.Success;
            }

            using var keys = TrustSet.Load(trustPath);
            var tier = grant.Payload.TryGetProperty("tier", out var t) && t.GetString() == "registered" ? AccessTier.Registered : AccessTier.Controlled;
            var claims = new AccessGate(keys, new AuditLog(AuditLog.ResolvePath(null))).Check(grant, tier);
            Console.WriteLine($"verification: valid {GrantClaims.TierName(claims.Tier)}-tier grant for {claims.Subject} ({claims.Institution}), workspace {claims.Workspace}, against {trustPath}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
