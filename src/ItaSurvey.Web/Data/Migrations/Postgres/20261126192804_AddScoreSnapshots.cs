using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Postgres
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
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: true),
                    RatingCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Iit = table.Column<double>(type: "double precision", nullable: true),
                    Eit = table.Column<double>(type: "double precision", nullable: true),
                    Oit = table.Column<double>(type: "double precision", nullable: true),
                    Indicators = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IitResponses = table.Column<long>(type: "bigint", nullable: false),
                    EitResponses = table.Column<long>(type: "bigint", nullable: false),
                    LastResponseId = table.Column<long>(type: "bigint", nullable: false),
                    ResponseCount = table.Column<long>(type: "bigint", nullable: false),
                    OitMark = table.Column<long>(type: "bigint", nullable: false),
                    MinimumResponses = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
