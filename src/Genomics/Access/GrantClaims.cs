using System.Globalization;
using System.Text.Json;

namespace Genomics.Access;

/// <summary>
/// The claims of a grant (access.md). JSON names: sub, institution, tier, identity_verified, rcr_training,
/// ct_training, code_of_conduct (dates yyyy-MM-dd), institution_controlled_agreement, workspace, purpose,
/// iat, nbf (optional), exp (seconds since 1970, as JWT NumericDate).
/// </summary>
public sealed record GrantClaims
{
    public required string Subject { get; init; }

    public required string Institution { get; init; }

    public required AccessTier Tier { get; init; }

    public bool IdentityVerified { get; init; }

    /// <summary>The day Responsible Conduct of Research training was completed (renewed yearly).</summary>
    public DateOnly? RcrTraining { get; init; }

    /// <summary>The day Controlled Tier training was completed (renewed yearly).</summary>
    public DateOnly? ControlledTierTraining { get; init; }

    /// <summary>The day the Data User Code of Conduct was signed (renewed yearly).</summary>
    public DateOnly? CodeOfConduct { get; init; }

    /// <summary>Whether the institution's Data Use and Registration Agreement covers the controlled tier.</summary>
    public bool InstitutionControlledAgreement { get; init; }

    public required string Workspace { get; init; }

    public required string Purpose { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    /// <summary>The claims as the JSON object a token carries (fixed member order; times truncated to seconds).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("sub", Subject);
            json.WriteString("institution", Institution);
            json.WriteString("tier", TierName(Tier));
            json.WriteBoolean("identity_verified", IdentityVerified);
            WriteDate(json, "rcr_training", RcrTraining);
            WriteDate(json, "ct_training", ControlledTierTraining);
            WriteDate(json, "code_of_conduct", CodeOfConduct);
            json.WriteBoolean("institution_controlled_agreement", InstitutionControlledAgreement);
            json.WriteString("workspace", Workspace);
            json.WriteString("purpose", Purpose);
            json.WriteNumber("iat", IssuedAt.ToUnixTimeSeconds());
            if (NotBefore is { } nbf)
            {
                json.WriteNumber("nbf", nbf.ToUnixTimeSeconds());
            }

            json.WriteNumber("exp", Expires.ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the claims object of a token; a missing or mistyped claim is an <see cref="AccessDeniedException"/> naming it.</summary>
    public static GrantClaims FromJson(JsonElement claims) => new()
    {
        Subject = RequiredString(claims, "sub"),
        Institution = RequiredString(claims, "institution"),
        Tier = ParseTier(RequiredString(claims, "tier")),
        IdentityVerified = OptionalBoolean(claims, "identity_verified"),
        RcrTraining = OptionalDate(claims, "rcr_training"),
        ControlledTierTraining = OptionalDate(claims, "ct_training"),
        CodeOfConduct = OptionalDate(claims, "code_of_conduct"),
        InstitutionControlledAgreement = OptionalBoolean(claims, "institution_controlled_agreement"),
        Workspace = RequiredString(claims, "workspace"),
        Purpose = RequiredString(claims, "purpose"),
        IssuedAt = RequiredTime(claims, "iat"),
        NotBefore = claims.TryGetProperty("nbf", out _) ? RequiredTime(claims, "nbf") : null,
        Expires = RequiredTime(claims, "exp"),
    };

    /// <summary>"registered" or "controlled" ("public" for a tier that needs no grant).</summary>
    public static string TierName(AccessTier tier) => tier switch
    {
        AccessTier.Registered => "registered",
        AccessTier.Controlled => "controlled",
        _ => "public",
    };

    /// <summary>Parses "registered" or "controlled"; a grant for the public tier makes no sense and is refused.</summary>
    public static AccessTier ParseTier(string text) => text switch
    {
        "registered" => AccessTier.Registered,
        "controlled" => AccessTier.Controlled,
        _ => throw Malformed($"claim 'tier' is \"{text}\", not registered or controlled"),
    };

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static string RequiredString(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Malformed($"claim '{name}' is missing or not a non-empty string");

    private static bool OptionalBoolean(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Malformed($"claim '{name}' is not true or false"),
        };
    }

    private static DateOnly? OptionalDate(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Malformed($"claim '{name}' is not a date yyyy-MM-dd");
    }

    private static DateTimeOffset RequiredTime(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Malformed($"claim '{name}' is missing or not a time in whole seconds since 1970");

    private static AccessDeniedException Malformed(string reason) => new(AccessRequirement.WellFormedGrant, "malformed grant: " + reason);
}
