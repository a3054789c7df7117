using Genomics.Access;
using Genomics.Tests.Plink;

namespace Genomics.Tests.Access;

/// <summary>Loading the operator's trusted keys from a PEM file or a folder of them.</summary>
public sealed class TrustSetTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_folder_of_pem_files_and_a_file_with_two_keys_give_the_same_key_ids()
    {
        using var a = AuthorityKey.Create();
        using var b = AuthorityKey.Create();
        var folder = Directory.CreateDirectory(directory.File("trust")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.pem"), a.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(folder, "b.pem"), b.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "ignored: not *.pem");
        File.WriteAllText(directory.File("both.pem"), "comment line\n" + a.ExportSubjectPublicKeyInfoPem() + "\n" + b.ExportSubjectPublicKeyInfoPem());

        using var fromFolder = TrustSet.Load(folder);
        using var fromFile = TrustSet.Load(directory.File("both.pem"));
        string[] expected = [AuthorityKey.KeyId(a), AuthorityKey.KeyId(b)];
        Assert.Equal(expected.Order(), fromFolder.KeyIds.Order());
        Assert.Equal(expected.Order(), fromFile.KeyIds.Order());
    }

    [Fact]
    public void Private_key_blocks_are_not_trusted()
    {
        using var a = AuthorityKey.Create();
        File.WriteAllText(directory.File("private.pem"), a.ExportPkcs8PrivateKeyPem());
        var e = Assert.Throws<AccessDeniedException>(() => TrustSet.Load(directory.File("private.pem")));
        Assert.Equal(AccessRequirement.TrustConfiguration, e.Requirement);
        Assert.Contains("holds no P-256 PUBLIC KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_trust_path_or_a_key_on_another_curve_is_refused()
    {
        Assert.Equal(AccessRequirement.TrustConfiguration, Assert.Throws<AccessDeniedException>(() => TrustSet.Load(directory.File("nope"))).Requirement);
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        File.WriteAllText(directory.File("p384.pem"), p384.ExportSubjectPublicKeyInfoPem());
        var e = Assert.Throws<AccessDeniedException>(() => TrustSet.Load(directory.File("p384.pem")));
        Assert.Contains("not a P-256 EC key", e.Message, StringComparison.Ordinal);
    }
}
