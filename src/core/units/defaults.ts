/**
 * The default registry as rows of a registry file (order, name, kind, aliases), so that it is
 * parsed and checked like a user's and a host can write it out as an editable sheet.
 * Source: the seed's Phụ lục 1 (report 9T/2024 of Hải Phòng): 41 units that sent a report, then
 * 4 that did not, preceded by Sở Kế hoạch và Đầu tư, the consolidating department.
 * Names are written in full; the seed's own spellings are aliases where they differ.
 */
export const defaultRegistryRows: readonly (readonly [number, string, string, string])[] = [
  [1, 'Sở Kế hoạch và Đầu tư', 'consolidator', ''],
  // I. Các đơn vị đã gửi báo cáo
  [2, 'Sở Du lịch', 'department', ''],
  [3, 'Thanh tra thành phố', 'department', ''],
  [4, 'Sở Công Thương', 'department', ''],
  [5, 'Sở Tài chính', 'department', ''],
  [6, 'Sở Nông nghiệp và Phát triển nông thôn', 'department', ''],
  [7, 'Sở Ngoại vụ', 'department', ''],
  [8, 'Sở Thông tin và Truyền thông', 'department', ''],
  [9, 'Sở Lao động - Thương binh và Xã hội', 'department', ''],
  [10, 'Sở Giao thông vận tải', 'department', ''],
  [11, 'Sở Khoa học và Công nghệ', 'department', ''],
  [12, 'Sở Nội vụ', 'department', ''],
  [13, 'Sở Giáo dục và Đào tạo', 'department', ''],
  [14, 'Chi nhánh Ngân hàng Nhà nước TP', 'department', ''],
  [15, 'Cục Thi hành án dân sự thành phố', 'department', ''],
  [16, 'Sở Tư pháp', 'department', ''],
  [17, 'Công an thành phố', 'department', ''],
  [18, 'Tòa án nhân dân thành phố', 'department', ''],
  [19, 'Bảo hiểm xã hội thành phố', 'department', ''],
  [20, 'Sở Văn hóa và Thể thao', 'department', ''],
  [21, 'Cục Hải quan thành phố', 'department', ''],
  [22, 'Cục Quản lý thị trường thành phố', 'department', ''],
  [23, 'Sở Tài nguyên và Môi trường', 'department', ''],
  [24, 'Ban Quản lý khu kinh tế Hải Phòng', 'department', ''],
  [25, 'Cục Thuế thành phố', 'department', ''],
  [26, 'Ủy ban nhân dân huyện Kiến Thụy', 'district', ''],
  [27, 'Ủy ban nhân dân quận Ngô Quyền', 'district', ''],
  [28, 'Ủy ban nhân dân huyện Tiên Lãng', 'district', ''],
  [29, 'Ủy ban nhân dân quận Kiến An', 'district', ''],
  [30, 'Ủy ban nhân dân quận Đồ Sơn', 'district', ''],
  [31, 'Ủy ban nhân dân huyện Cát Hải', 'district', ''],
  [32, 'Ủy ban nhân dân huyện An Dương', 'district', ''],
  [33, 'Ủy ban nhân dân huyện Bạch Long Vĩ', 'district', ''],
  [34, 'Ủy ban nhân dân huyện An Lão', 'district', ''],
  [35, 'Ủy ban nhân dân huyện Vĩnh Bảo', 'district', ''],
  [36, 'Ủy ban nhân dân quận Lê Chân', 'district', ''],
  [37, 'Ủy ban nhân dân huyện Thủy Nguyên', 'district', ''],
  [38, 'Ủy ban nhân dân quận Hồng Bàng', 'district', ''],
  [39, 'Ủy ban nhân dân quận Dương Kinh', 'district', ''],
  [40, 'Ủy ban nhân dân quận Hải An', 'district', ''],
  // The seed writes "Công" for "Cổng" (portal).
  [41, 'Cổng Thông tin điện tử thành phố', 'other', 'Công Thông tin điện tử thành phố'],
  [42, 'Liên minh Hợp tác xã thành phố', 'other', 'Liên minh HTX TP'],
  // II. Các đơn vị chưa gửi báo cáo
  [43, 'Sở Y tế', 'department', ''],
  [44, 'Sở Xây dựng', 'department', ''],
  [45, 'VCCI - Chi nhánh Duyên hải Bắc Bộ', 'other', ''],
  [46, 'Hiệp hội Doanh nghiệp nhỏ và vừa Hải Phòng', 'other', 'Hiệp hội DNNVV Hải Phòng'],
];
