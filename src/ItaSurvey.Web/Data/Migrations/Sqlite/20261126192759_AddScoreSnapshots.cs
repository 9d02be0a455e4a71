using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddScoreSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoundScoreSnapshots",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: true),
                    RatingCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Iit = table.Column<double>(type: "REAL", nullable: true),
                    Eit = table.Column<double>(type: "REAL", nullable: true),
                    Oit = table.Column<double>(type: "REAL", nullable: true),
                    Indicators = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IitResponses = table.Column<long>(type: "INTEGER", nullable: false),
                    EitResponses = table.Column<long>(type: "INTEGER", nullable: false),
                    LastResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseCount = table.Column<long>(type: "INTEGER", nullable: false),
                    OitMark = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundScoreSnapshots", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_RoundScoreSnapshots_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundScoreSnapshots_FiscalYear_AgencyId",
                table: "RoundScoreSnapshots",
                columns: new[] { "FiscalYear", "AgencyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundScoreSnapshots");
        }
    }
}
