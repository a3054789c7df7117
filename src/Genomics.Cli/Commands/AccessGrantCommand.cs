using System.CommandLine;
using System.Globalization;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics access grant …</c>: the authority signs a grant for one researcher, workspace and purpose.</summary>
internal static class AccessGrantCommand
{
    public static Command Create()
    {
        var key = new Option<string>("--authority-key") { Description = "The authority's private key PEM (from init-authority)", Required = true };
        var subject = new Option<string>("--subject") { Description = "The researcher (sub)", Required = true };
        var institution = new Option<string>("--institution") { Description = "The researcher's institution", Required = true };
        var tier = new Option<string>("--tier") { Description = "registered or controlled", Required = true };
        tier.AcceptOnlyFromAmong("registered", "controlled");
        var identity = new Option<bool>("--identity-verified") { Description = "The researcher's identity is verified" };
        var rcr = new Option<string?>("--rcr-training") { Description = "Day Responsible Conduct of Research training was completed (yyyy-MM-dd)" };
        var ct = new Option<string?>("--ct-training") { Description = "Day Controlled Tier training was completed (yyyy-MM-dd)" };
        var conduct = new Option<string?>("--code-of-conduct") { Description = "Day the Data User Code of Conduct was signed (yyyy-MM-dd)" };
        var agreement = new Option<bool>("--institution-controlled-agreement") { Description = "The institution's agreement covers the controlled tier" };
        var workspace = new Option<string>("--workspace") { Description = "The workspace the grant is for", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "The research purpose", Required = true };
        var expires = new Option<string>("--expires") { Description = "Expiry: a day (yyyy-MM-dd: the grant ends when that day begins, UTC) or an ISO 8601 time", Required = true };
        var notBefore = new Option<string?>("--not-before") { Description = "Optional start of validity (same forms as --expires)" };
        var output = new Option<string>("--out", "-o") { Description = "The grant file to write (owner-only; must not exist)", Required = true };
        var command = new Command("grant", "Issue a signed grant (JWT, ES256)")
        {
            key, subject, institution, tier, identity, rcr, ct, conduct, agreement, workspace, purpose, expires, notBefore, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var claims = new GrantClaims
            {
                Subject = parse.GetValue(subject)!,
                Institution = parse.GetValue(institution)!,
                Tier = GrantClaims.ParseTier(parse.GetValue(tier)!),
                IdentityVerified = parse.GetValue(identity),
                RcrTraining = Day(parse.GetValue(rcr), "--rcr-training"),
                ControlledTierTraining = Day(parse.GetValue(ct), "--ct-training"),
                CodeOfConduct = Day(parse.GetValue(conduct), "--code-of-conduct"),
                InstitutionControlledAgreement = parse.GetValue(agreement),
                Workspace = parse.GetValue(workspace)!,
                Purpose = parse.GetValue(purpose)!,
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                NotBefore = parse.GetValue(notBefore) is { } nbf ? Time(nbf, "--not-before") : null,
                Expires = Time(parse.GetValue(expires)!, "--expires"),
            };
            var path = parse.GetValue(output)!;
            using var authority = AuthorityKey.LoadPrivate(parse.GetValue(key)!);
            OwnerOnlyFile.WriteAllText(path, GrantIssuer.Issue(authority, claims) + "\n");
            Console.WriteLine($"wrote grant {Path.GetFullPath(path)}: {claims.Subject}, {GrantClaims.TierName(claims.Tier)} tier, workspace {claims.Workspace}, expires {claims.Expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DateOnly? Day(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option} {text}: not a day yyyy-MM-dd");
    }

    private static DateTimeOffset Time(string text, string option)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds())
            : throw new UsageException($"{option} {text}: not a day yyyy-MM-dd or an ISO 8601 time");
    }
}
