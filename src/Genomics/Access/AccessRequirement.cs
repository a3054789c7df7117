namespace Genomics.Access;

/// <summary>Which requirement a refused request did not meet; each has its own wording in the refusal message.</summary>
public enum AccessRequirement
{
    /// <summary>The request needs a grant and none was given.</summary>
    GrantMissing,

    /// <summary>The token is not a well-formed compact JWS with the claims a grant must carry.</summary>
    WellFormedGrant,

    /// <summary>The token is not signed with ES256 (alg none, HS256 and every other algorithm are refused).</summary>
    Algorithm,

    /// <summary>The signing key is not one the operator installed in the trust set.</summary>
    TrustedKey,

    /// <summary>The signature does not verify (claims edited after signing, or a forged signature).</summary>
    Signature,

    /// <summary>The grant's expiry time has passed.</summary>
    NotExpired,

    /// <summary>The grant's not-before (or issued-at) time is still in the future.</summary>
    ValidNow,

    /// <summary>The grant's tier is lower than the operation needs.</summary>
    Tier,

    /// <summary>The researcher's identity is not verified.</summary>
    IdentityVerified,

    /// <summary>An access module (training, code of conduct) is missing or was completed more than 365 days ago.</summary>
    CurrentTraining,

    /// <summary>The institution's agreement does not cover the controlled tier.</summary>
    InstitutionAgreement,

    /// <summary>The operator's trust set could not be loaded or holds no key.</summary>
    TrustConfiguration,

    /// <summary>The audit log could not be written, so the operation may not run.</summary>
    AuditLog,
}
