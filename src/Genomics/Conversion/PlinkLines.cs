using Genomics.Plink;

namespace Genomics.Conversion;

/// <summary>
/// Exact .bim/.fam lines for byte-identical export. A line that the typed columns render back exactly
/// (with a newline) is not stored; any other line (spacing, "0.0" cM, 'NA' phenotypes, CRLF, no final
/// newline) is stored whole, terminator included.
/// </summary>
public static class PlinkLines
{
    public static string? BimLineIfIrregular(BimRecord r)
    {
        if (r.Source is null)
        {
            return null;
        }

        var canonical = new BimRecord(r.Chromosome, r.Id, r.CentiMorgans, r.Position, r.Allele1, r.Allele2).ToLine();
        return r.Source.Text == canonical.Text && r.Source.Terminator == canonical.Terminator ? null : r.Source.Text + r.Source.Terminator;
    }

    public static string? FamLineIfIrregular(FamRecord r)
    {
        if (r.Source is null)
        {
            return null;
        }

        var canonical = new FamRecord(r.FamilyId, r.IndividualId, r.FatherId, r.MotherId, r.Sex, r.Phenotype).ToLine();
        return r.Source.Text == canonical.Text && r.Source.Terminator == canonical.Terminator ? null : r.Source.Text + r.Source.Terminator;
    }
}
