using System.CommandLine;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary><c>genomics access init-authority --out DIR</c>: a new ES256 key pair for a data-access authority.</summary>
internal static class AccessInitAuthorityCommand
{
    public const string PrivateKeyFile = "authority.key.pem";
    public const string PublicKeyFile = "authority.pub.pem";

    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = $"Folder for {PrivateKeyFile} (owner-only) and {PublicKeyFile} (install it in the operators' trust sets)", Required = true };
        var command = new Command("init-authority", "Create an authority key pair (ES256, P-256)") { output };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var (privatePath, publicPath) = (Path.Combine(folder, PrivateKeyFile), Path.Combine(folder, PublicKeyFile));
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                throw new IOException($"{folder} already holds an authority key; refusing to overwrite it");
            }

            using var key = AuthorityKey.Create();
            OwnerOnlyFile.WriteAllText(privatePath, key.ExportPkcs8PrivateKeyPem() + "\n");
            File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem() + "\n");
            Console.WriteLine($"private key {privatePath} (keep it secret)");
            Console.WriteLine($"public key  {publicPath}");
            Console.WriteLine($"key id      {AuthorityKey.KeyId(key)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
