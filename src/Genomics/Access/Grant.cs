using System.Text;
using System.Text.Json;

namespace Genomics.Access;

/// <summary>
/// A grant token split into its parts but NOT verified: header, payload and signature of a compact JWS.
/// Only <see cref="AccessGate"/> turns it into an authorization, after checking the signature against the trust set.
/// </summary>
public sealed class Grant
{
    private Grant(string token, JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Token = token;
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    /// <summary>The token as presented.</summary>
    public string Token { get; }

    /// <summary>The JOSE header (alg, kid, typ).</summary>
    public JsonElement Header { get; }

    /// <summary>The claims object, unverified.</summary>
    public JsonElement Payload { get; }

    /// <summary>The header's "alg", or null when absent or not a string.</summary>
    public string? Algorithm => Header.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString() : null;

    /// <summary>The header's "kid": the thumbprint of the key that signed it.</summary>
    public string? KeyId => Header.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;

    /// <summary>ASCII(base64url(header) '.' base64url(payload)): the bytes the signature covers.</summary>
    internal byte[] SigningInput { get; }

    internal byte[] Signature { get; }

    /// <summary>Splits a compact JWS; anything that is not three base64url parts with JSON objects in the first two is refused.</summary>
    public static Grant Parse(string token)
    {
        token = token.Trim();
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw Malformed($"a grant is three base64url parts separated by '.', this has {parts.Length}");
        }

        if (!Base64Url.TryDecode(parts[0], out var headerBytes) || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            throw Malformed("a part is not base64url");
        }

        return new Grant(token, ParseObject(headerBytes, "header"), ParseObject(payloadBytes, "claims"),
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
    }

    /// <summary>Reads a grant file (the token, surrounding whitespace ignored).</summary>
    public static Grant Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AccessDeniedException(AccessRequirement.GrantMissing, $"grant {path} cannot be read: {e.Message}", e);
        }

        try
        {
            return Parse(text);
        }
        catch (AccessDeniedException e)
        {
            throw new AccessDeniedException(e.Requirement, $"{path}: {e.Reason}", e);
        }
    }

    private static JsonElement ParseObject(byte[] bytes, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw Malformed($"the {what} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Malformed($"the {what} is not JSON ({e.Message})");
        }
    }

    private static AccessDeniedException Malformed(string reason) => new(AccessRequirement.WellFormedGrant, "malformed grant: " + reason);
}
