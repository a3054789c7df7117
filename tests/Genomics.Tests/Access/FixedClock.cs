namespace Genomics.Tests.Access;

/// <summary>A clock that always says the same time, so validity windows are tested to the second.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
