using FsCheck;
using FsCheck.Fluent;
using Genomics.Access;

namespace Genomics.Tests.Access;

/// <summary>Disclosure control: nothing in 1..T can be recovered from a release; nothing is suppressed needlessly.</summary>
public sealed class DisclosureControlTests
{
    private const int T = DisclosureControl.MinimumThreshold;

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void No_suppressed_value_in_1_to_T_can_be_pinned_from_a_random_release()
    {
        Prop.ForAll(ReleaseTables.Tables(), table =>
        {
            var released = new DisclosureControl().Apply(table.Rows);
            CheckShape(table.Rows, released);
            var recovered = DisclosureAttacker.Recover(table.Rows, released, T);
            return recovered.Count == 0 ? true.ToProperty() : false.Label("recovered: " + string.Join("; ", recovered.Take(5)));
        }).Check(Runs);
    }

    [Fact]
    public void Nothing_is_suppressed_when_every_count_is_0_or_above_T()
    {
        // Every participant repeated T + 1 times: every count, and every REF count and remainder, is 0 or > T.
        Prop.ForAll(ReleaseTables.Tables(replicate: T + 1), table =>
        {
            var released = new DisclosureControl().Apply(table.Rows);
            return released.SequenceEqual(table.Rows, ReleasedEqual.Instance).Label("changed a row");
        }).Check(Runs);
    }

    [Fact]
    public void A_higher_threshold_suppresses_more_and_a_lower_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureControl(T - 1));
        var row = Row("ALL", samples: 100, called: 100, ac: 28, an: 200, homRef: 72, het: 28, homAlt: 0);
        Assert.Empty(new DisclosureControl().Apply([row])[0].Suppressed);
        var strict = new DisclosureControl(30).Apply([row])[0];
        Assert.Contains("n_het", strict.Suppressed);
        Assert.Contains("ac", strict.Suppressed);
        Assert.Null(strict.NHet);
        Assert.Empty(DisclosureAttacker.Recover([row], [strict], 30));
    }

    [Fact]
    public void A_rare_variant_in_one_row_hides_its_small_counts_and_what_would_give_them_back()
    {
        // 100 diploid participants, 3 heterozygous carriers: ac = het = carriers = 3.
        var row = Row("ALL", samples: 100, called: 100, ac: 3, an: 200, homRef: 97, het: 3, homAlt: 0);
        var released = Assert.Single(new DisclosureControl().Apply([row]));
        Assert.Null(released.Ac);
        Assert.Null(released.NHet);
        Assert.Null(released.Carriers);
        Assert.Null(released.Af);
        Assert.Null(released.HweP);
        // n_hom_ref + 3 = n_called would give het back: one more cell of that relation is hidden.
        Assert.True(released.NHomRef is null || released.NCalled is null);
        Assert.Equal(0, released.NHomAlt);
        Assert.Contains("ac", released.Suppressed);
        Assert.Contains("af", released.Suppressed);
        Assert.Empty(DisclosureAttacker.Recover([row], [released], T));
    }

    [Fact]
    public void A_small_unlisted_remainder_is_protected()
    {
        // ALL = 200; cohort col=a lists 190: the 10 unlisted participants must not be derivable from ALL − a.
        var all = Row("ALL", samples: 200, called: 200, ac: 100, an: 400, homRef: 100, het: 100, homAlt: 0);
        var a = Row("col=a", samples: 190, called: 190, ac: 95, an: 380, homRef: 95, het: 95, homAlt: 0);
        var released = new DisclosureControl().Apply([all, a]);
        Assert.True(released[0].NSamples is null || released[1].NSamples is null);
        Assert.Empty(DisclosureAttacker.Recover([all, a], released, T));
    }

    /// <summary>Published cells are the true values; suppressed ones are null and named; af/hwe_p follow their rules.</summary>
    private static void CheckShape(ReleaseRow[] truth, IReadOnlyList<ReleaseRow> released)
    {
        Assert.Equal(truth.Length, released.Count);
        for (var i = 0; i < truth.Length; i++)
        {
            var (t, r) = (truth[i], released[i]);
            Assert.Equal((t.VariantIndex, t.AlleleIndex, t.Cohort), (r.VariantIndex, r.AlleleIndex, r.Cohort));
            for (var f = 0; f < ReleaseRow.CountColumns.Count; f++)
            {
                Assert.Equal(r.Count(f) is null, r.Suppressed.Contains(ReleaseRow.CountColumns[f]));
                Assert.True(r.Count(f) is null || r.Count(f) == t.Count(f));
                Assert.False(r.Count(f) is >= 1 and <= T, $"{t.Cohort} {ReleaseRow.CountColumns[f]} published {r.Count(f)}");
            }

            Assert.True(r.Af is null || (r.Ac is not null && r.An is not null), "af published without ac and an");
            Assert.True(r.HweP is null || (r.NHomRef is not null && r.NHet is not null && r.NHomAlt is not null), "hwe_p published without its counts");
            Assert.True(r.Af is null || r.Af == t.Af);
            Assert.Equal(r.Af is null && t.Af is not null, r.Suppressed.Contains("af"));
            Assert.Equal(r.HweP is null && t.HweP is not null, r.Suppressed.Contains("hwe_p"));
        }
    }

    private static ReleaseRow Row(string cohort, long samples, long called, long ac, long an, long homRef, long het, long homAlt) => new()
    {
        VariantIndex = 0,
        AlleleIndex = 1,
        Cohort = cohort,
        NSamples = samples,
        NCalled = called,
        NMissing = samples - called,
        Ac = ac,
        An = an,
        NHomRef = homRef,
        NHet = het,
        NHomAlt = homAlt,
        NHemiRef = 0,
        NHemiAlt = 0,
        Carriers = het + homAlt,
        Af = an == 0 ? null : (double)ac / an,
        HweP = 0.5,
    };

    private sealed class ReleasedEqual : IEqualityComparer<ReleaseRow>
    {
        public static readonly ReleasedEqual Instance = new();

        public bool Equals(ReleaseRow? x, ReleaseRow? y) =>
            x is not null && y is not null && x.Suppressed.Count == 0 && y.Suppressed.Count == 0 && (x with { Suppressed = [] }) == (y with { Suppressed = [] });

        public int GetHashCode(ReleaseRow obj) => obj.Cohort.GetHashCode(StringComparison.Ordinal);
    }
}
