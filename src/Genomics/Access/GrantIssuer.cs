using System.Security.Cryptography;
using System.Text;

namespace Genomics.Access;

/// <summary>The authority's side: signs claims into a compact JWS (ES256, JOSE r||s signature).</summary>
public static class GrantIssuer
{
    public static string Issue(ECDsa authorityKey, GrantClaims claims)
    {
        var header = Encoding.UTF8.GetBytes($"{{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"{AuthorityKey.KeyId(authorityKey)}\"}}");
        var signingInput = Base64Url.Encode(header) + "." + Base64Url.Encode(claims.ToJson());
        // JWS wants the fixed 64-byte r||s form, not the DER sequence .NET produces by default.
        var signature = authorityKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.Encode(signature);
    }
}
