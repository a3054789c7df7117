using System.CommandLine;
using Genomics.Access;

namespace Genomics.Cli.Commands;

/// <summary>
/// <c>genomics access check --operation OP</c>: asks the gate whether the credential allows an operation, as the
/// command itself would (the decision is written to the audit log), without doing it.
/// </summary>
internal static class AccessCheckCommand
{
    public static Command Create()
    {
        var operation = new Option<string>("--operation") { Description = "The operation to check", Required = true };
        operation.AcceptOnlyFromAmong([.. Enum.GetValues<AccessOperation>().Select(o => o.AuditName())]);
        var inputs = new Argument<string[]>("inputs") { Description = "Inputs to name (with their sha256) in the audit line", Arity = ArgumentArity.ZeroOrMore };
        var access = new AccessOptions();
        var command = new Command("check", "Check whether the credential allows an operation (the decision is audited)") { operation, inputs };
        access.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var op = Enum.GetValues<AccessOperation>().Single(o => o.AuditName() == parse.GetValue(operation));
            var authorization = access.Authorize(parse, op, parse.GetValue(inputs) ?? [], []);
            Console.WriteLine(authorization.Claims is null
                ? $"allowed: {op.AuditName()} needs no grant"
                : $"allowed: {op.AuditName()} for {authorization.Subject} ({authorization.Institution}), workspace {authorization.Workspace}; recorded in {authorization.Log!.Path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
