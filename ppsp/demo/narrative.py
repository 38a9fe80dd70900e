"""Demo Pokja narrative of every section of the SSK 2017 outline for Kabupaten Tanjung
Jabung Timur (15.07): two to four sentences each, with the placeholders the document
generator fills ({kabkota}, {provinsi}, {periode}, {tahun_awal}, {tahun_akhir},
{penduduk_total}, {tahun_penduduk}, {tahun_ehra}, {jumlah_desa_ehra},
{desa_risiko_sangat_tinggi}, {kebutuhan_total}, {skenario}, {visi_sanitasi})."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "1": (
        "Bab ini menjelaskan latar belakang, maksud dan tujuan, metodologi, dasar hukum serta "
        "keterkaitan SSK {kabkota} {periode} dengan dokumen perencanaan daerah lainnya."
    ),
    "1.1": (
        "Strategi Sanitasi {kabkota} periode {periode} merupakan pemutakhiran SSK sebelumnya "
        "oleh Pokja Sanitasi sesuai Buku Pedoman Pemutakhiran SSK 2017.\n\n"
        "Pemutakhiran didorong oleh hasil studi EHRA {tahun_ehra} dan perubahan kemampuan "
        "pendanaan daerah."
    ),
    "1.2": (
        "Maksud penyusunan adalah memberi arah pembangunan sanitasi {kabkota} lima tahun ke "
        "depan; tujuannya menetapkan sasaran, strategi, program dan indikasi pendanaan."
    ),
    "1.3": (
        "Penyusunan mengikuti lima proses pemutakhiran SSK: persiapan, penilaian kondisi, "
        "penetapan skenario, penyusunan program dan konsultasi publik."
    ),
    "1.4": "Dasar hukum mengikuti peraturan perundangan bidang sanitasi yang berlaku.",
    "1.5": "SSK menjadi masukan RPJMD, Renstra OPD dan RKPD {kabkota}.",
    "2": (
        "Bab ini menggambarkan wilayah dan kependudukan {kabkota}, kemajuan pelaksanaan SSK "
        "sebelumnya, kondisi sanitasi hasil studi EHRA {tahun_ehra} dan area berisiko "
        "sanitasi. Sebagian besar wilayah merupakan dataran rendah pasang surut dan gambut "
        "dengan permukiman di tepian sungai dan pesisir timur {provinsi}."
    ),
    "2.1": (
        "Permukiman {kabkota} terpusat di Muara Sabak dan di sepanjang sungai serta pesisir "
        "timur; sebagian desa hanya terjangkau lewat jalur air, sehingga layanan sanitasi "
        "perlu menyesuaikan kondisi tersebut."
    ),
    "2.2": (
        "Capaian indikator SSK periode sebelumnya dibandingkan dengan nilai dasar dan target "
        "yang ditetapkan saat itu. Akses sanitasi layak meningkat, tetapi praktik BABS di "
        "desa pesisir belum turun sesuai target."
    ),
    "2.3": (
        "Kondisi sanitasi dinilai dari studi EHRA {tahun_ehra}, pengamatan lapangan dan data "
        "perangkat daerah. Pokja mencatat risiko yang menonjol di desa yang rumahnya berdiri "
        "di atas air, tempat jamban dan sampah langsung dibuang ke sungai."
    ),
    "2.4": (
        "Penetapan area berisiko memadukan IRS hasil EHRA, persepsi OPD dan data sekunder; "
        "{desa_risiko_sangat_tinggi} desa/kelurahan berisiko sangat tinggi."
    ),
    "3": (
        "Bab ini memuat visi dan misi sanitasi, tahapan pengembangan per sistem dan zona, "
        "tujuan dan sasaran, skenario terpilih serta kemampuan pendanaan sanitasi "
        "{kabkota} untuk periode {periode}."
    ),
    "3.1": (
        "Visi sanitasi {kabkota} adalah \u201c{visi_sanitasi}\u201d. Misi dan tujuan per "
        "subsektor diturunkan dari visi RPJMD dan menjadi acuan sasaran pada Bab 3.3."
    ),
    "3.2": (
        "Pengembangan sanitasi dibagi per zona sesuai kepadatan penduduk, kondisi lahan "
        "pasang surut dan risiko sanitasi. Zona perkotaan Muara Sabak diarahkan ke sistem "
        "setempat dengan layanan lumpur tinja, sedangkan permukiman tepian sungai memakai "
        "sistem komunal."
    ),
    "3.3": (
        "Tujuan dan sasaran disusun per subsektor dengan indikator, nilai dasar dan target "
        "tahunan {tahun_awal}–{tahun_akhir} yang mengacu pada target nasional akses sanitasi. "
        "Sasaran yang sama dipantau dalam matriks monitoring dan evaluasi Bab VII."
    ),
    "3.4": (
        "Pokja memilih skenario \u201c{skenario}\u201d setelah membandingkan beberapa skenario "
        "berdasarkan kebutuhan biaya dan tambahan penduduk terlayani. Skenario ini "
        "mendahulukan zona berisiko sangat tinggi."
    ),
    "3.5": (
        "Kemampuan pendanaan diperkirakan dari realisasi belanja sanitasi APBD beberapa "
        "tahun terakhir dan komitmen perangkat daerah untuk skenario terpilih {skenario}."
    ),
    "4": (
        "Strategi disusun dari hasil analisis SWOT per subsektor (Lampiran 2) untuk mencapai "
        "sasaran Bab 3.3. Setiap strategi dijabarkan menjadi program dan kegiatan pada Bab VI."
    ),
    "4.1": (
        "Strategi air limbah domestik menekankan pemicuan STBM di desa pesisir dan "
        "pembangunan tangki septik kedap yang sesuai lahan gambut dan pasang surut. Layanan "
        "lumpur tinja terjadwal disiapkan bersama penguatan kelembagaan operator."
    ),
    "4.2": (
        "Strategi persampahan memperluas layanan pengangkutan ke ibu kota kecamatan, "
        "mengembangkan TPS 3R dan bank sampah, serta meningkatkan TPA kabupaten secara "
        "bertahap."
    ),
    "4.3": (
        "Strategi drainase memadukan pembangunan saluran lingkungan dengan pintu air pasang "
        "surut dan pemeliharaan rutin bersama warga untuk mengurangi genangan di Muara Sabak."
    ),
    "5": (
        "Kerangka Kerja Logis menautkan permasalahan mendesak, isu strategis, tujuan, "
        "sasaran dan strategi dengan indikasi kegiatan Lampiran 4. Setiap kegiatan terhubung "
        "ke satu strategi dan setiap sasaran memiliki kegiatan."
    ),
    "6": (
        "Bab ini merangkum program, kegiatan dan indikasi pendanaan sanitasi {kabkota} "
        "{periode} menurut sumber pendanaan dan subsektor."
    ),
    "6.1": (
        "Indikasi pendanaan disusun per sumber: APBD {kabkota}, APBD Provinsi, APBN, DAK, "
        "swasta dan masyarakat. Kegiatan yang melampaui kemampuan pendanaan dicatat dalam "
        "Daftar Tunggu."
    ),
    "6.2": (
        "Daftar program dan kegiatan mengikuti Lampiran 4 dengan lokasi, sumber pendanaan dan "
        "biaya lima tahun. Kegiatan prioritas tahun {tahun_awal} diusulkan dalam MPS."
    ),
    "7": (
        "Pokja Sanitasi memantau capaian setiap sasaran setiap tahun dan mengevaluasinya "
        "pada akhir periode {tahun_akhir}. Hasil monev menjadi dasar pemutakhiran SSK "
        "berikutnya."
    ),
    "L1": (
        "Analisis SWOT dilakukan per subsektor dengan bobot dan skor faktor internal dan "
        "eksternal. Posisi pengelolaan tiap subsektor menentukan jenis strategi pada Bab IV."
    ),
    "L2": (
        "Tahapan PPSP {kabkota} dicatat sejak kampanye dan pembentukan Pokja hingga "
        "pemutakhiran SSK {periode}."
    ),
    "L3": (
        "Rancangan SSK dikonsultasikan kepada publik sebelum ditetapkan. Masukan yang "
        "diterima dan tanggapan Pokja tercantum dalam matriks berikut."
    ),
    "L4": (
        "Lampiran ini memuat seluruh program dan kegiatan {periode} per subsektor dengan "
        "lokasi, sumber pendanaan, biaya lima tahun dan status kesiapannya."
    ),
}
