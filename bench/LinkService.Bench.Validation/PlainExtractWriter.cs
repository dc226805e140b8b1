using System.Globalization;
using System.Text;

namespace LinkService.Bench.Validation;

/// <summary>
/// Writes a large offenders extract (the default configuration's <c>offenders</c> schema) fast: plain rows
/// from small fixed lists, every key unique, every row valid. Volume for a throughput bench, not realism.
/// </summary>
internal static class PlainExtractWriter
{
    private static readonly string[] Surnames = ["SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES", "ROBINSON", "WRIGHT", "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN"];
    private static readonly string[] Forenames = ["JOHN", "DAVID", "MICHAEL", "PAUL", "ANDREW", "MARK", "JAMES SEAN", "SARAH", "EMMA", "CLAIRE", "LISA", "KAREN JANE", "PETER", "STEVEN", "GARY", "LEE"];
    private static readonly string[] Offences = ["violence", "sexual", "robbery", "theft", "criminal_damage", "drugs", "weapons", "public_order", "fraud", "motoring", "other"];
    private static readonly string[] Sentences = ["custody", "suspended", "community", "fine", "discharge"];
    private static readonly string[] Sexes = ["M", "F", "U"];

    public const string Header = "offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date";

    public static long Write(string path, long targetBytes)
    {
        var c = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        var random = new Random(20261125);
        var sb = new StringBuilder(256);
        long rows = 0;
        while (writer.BaseStream.Position < targetBytes)
        {
            for (var batch = 0; batch < 1024; batch++)
            {
                rows++;
                sb.Clear();
                sb.Append(c, $"OFF{rows:D8},{Surnames[random.Next(Surnames.Length)]},{Forenames[random.Next(Forenames.Length)]},");
                sb.Append(c, $"{random.Next(1, 29):D2}/{random.Next(1, 13):D2}/{random.Next(1940, 2006)},{Sexes[random.Next(3)]},");
                sb.Append(c, $"AB{random.Next(1, 99)} {random.Next(1, 9)}CD,");
                if (random.Next(4) > 0)
                {
                    sb.Append(c, $"QQ{random.Next(100000, 999999)}C");
                }

                sb.Append(c, $",{Offences[random.Next(Offences.Length)]},{Sentences[random.Next(Sentences.Length)]},{random.Next(0, 120)},");
                sb.Append(c, $"{random.Next(1, 29):D2}/{random.Next(1, 13):D2}/{random.Next(2000, 2026)}\n");
                writer.Write(sb);
            }

            writer.Flush();
        }

        return rows;
    }
}
