using System.Globalization;
using System.Security.Cryptography;

namespace Genomics.Access;

/// <summary>
/// The checks a grant must pass, in a fixed order so a refusal always names the same requirement: algorithm,
/// trusted key, signature, claims, validity period, tier, identity, access modules, institutional agreement.
/// </summary>
internal static class GrantVerifier
{
    /// <summary>Modules are renewed yearly: valid on the day completed and the 365 days after it.</summary>
    public const int ModuleValidityDays = 365;

    public static GrantClaims Verify(Grant grant, TrustSet trust, AccessTier needed, DateTimeOffset now)
    {
        var alg = grant.Algorithm;
        if (alg != "ES256")
        {
            throw alg switch
            {
                null => Deny(AccessRequirement.Algorithm, "the grant header names no signing algorithm; only ES256 is accepted"),
                _ when alg.Equals("none", StringComparison.OrdinalIgnoreCase) => Deny(AccessRequirement.Algorithm, "the grant is unsigned (alg \"none\"); only ES256 is accepted"),
                _ => Deny(AccessRequirement.Algorithm, $"the grant is signed with {alg}, only ES256 is accepted"),
            };
        }

        if (grant.Header.TryGetProperty("crit", out _))
        {
            throw Deny(AccessRequirement.WellFormedGrant, "malformed grant: the header has critical extensions (crit), which are not supported");
        }

        if (grant.KeyId is not { } kid)
        {
            throw Deny(AccessRequirement.TrustedKey, "the grant header names no key (kid)");
        }

        if (trust.Find(kid) is not { } key)
        {
            throw Deny(AccessRequirement.TrustedKey, $"the grant is signed by key {kid}, which is not in the trust set {trust.Source}");
        }

        if (grant.Signature.Length != 64
            || !key.VerifyData(grant.SigningInput, grant.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw Deny(AccessRequirement.Signature, "the grant's signature does not verify against its authority key (edited after signing, or forged)");
        }

        var claims = GrantClaims.FromJson(grant.Payload);
        if (now >= claims.Expires)
        {
            throw Deny(AccessRequirement.NotExpired, $"the grant expired on {Time(claims.Expires)}");
        }

        if (claims.NotBefore is { } nbf && now < nbf)
        {
            throw Deny(AccessRequirement.ValidNow, $"the grant is not valid before {Time(nbf)}");
        }

        if (now < claims.IssuedAt)
        {
            throw Deny(AccessRequirement.ValidNow, $"the grant is issued in the future ({Time(claims.IssuedAt)})");
        }

        if (claims.Tier < needed)
        {
            throw Deny(AccessRequirement.Tier, $"a {GrantClaims.TierName(claims.Tier)}-tier grant does not give {GrantClaims.TierName(needed)}-tier access");
        }

        if (needed >= AccessTier.Registered)
        {
            if (!claims.IdentityVerified)
            {
                throw Deny(AccessRequirement.IdentityVerified, $"the identity of {claims.Subject} is not verified");
            }

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            RequireCurrent("Responsible Conduct of Research training", claims.RcrTraining, today);
            RequireCurrent("Data User Code of Conduct signature", claims.CodeOfConduct, today);
            if (needed >= AccessTier.Controlled)
            {
                RequireCurrent("controlled-tier training", claims.ControlledTierTraining, today);
                if (!claims.InstitutionControlledAgreement)
                {
                    throw Deny(AccessRequirement.InstitutionAgreement, $"the agreement of {claims.Institution} does not cover the controlled tier");
                }
            }
        }

        return claims;
    }

    private static void RequireCurrent(string module, DateOnly? completed, DateOnly today)
    {
        if (completed is not { } day)
        {
            throw Deny(AccessRequirement.CurrentTraining, $"{module} is not completed");
        }

        if (day > today)
        {
            throw Deny(AccessRequirement.CurrentTraining, $"{module} is dated {Day(day)}, in the future");
        }

        var expires = day.AddDays(ModuleValidityDays + 1);
        if (today >= expires)
        {
            throw Deny(AccessRequirement.CurrentTraining, $"{module} expired on {Day(expires)} (completed {Day(day)}; renewed yearly)");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static AccessDeniedException Deny(AccessRequirement requirement, string reason) => new(requirement, reason);
}
