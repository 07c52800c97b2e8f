/// Place names that open Korean bylines as datelines (`순천, 광양 구현모 기자`,
/// `워싱턴 홍길동 특파원`): the provinces and metropolitan cities, every city and county, and
/// the foreign cities where Korean media keep correspondents. Two-syllable place names read
/// like personal names, so the byline reader needs to know them.
public enum Places {
    /// The place names, as bylines write them (`서울`, `순천`, `워싱턴`, `LA`); despite the name,
    /// foreign cities with correspondents are included.
    public static let korean: Set<String> = [
        // Metropolitan cities and provinces, short and long forms
        "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북",
        "경남", "제주", "충청", "전라", "경상", "호남", "영남", "영동", "영서",
        // Gyeonggi
        "수원", "성남", "고양", "용인", "부천", "안산", "안양", "남양주", "화성", "평택", "의정부", "시흥", "파주", "김포", "광명",
        "군포", "하남", "오산", "이천", "안성", "의왕", "양주", "포천", "여주", "동두천", "과천", "구리", "가평", "양평", "연천",
        // Gangwon
        "춘천", "원주", "강릉", "동해", "태백", "속초", "삼척", "홍천", "횡성", "영월", "평창", "정선", "철원", "화천", "양구",
        "인제", "고성", "양양",
        // Chungcheong
        "청주", "충주", "제천", "보은", "옥천", "영동", "증평", "진천", "괴산", "음성", "단양", "천안", "공주", "보령", "아산",
        "서산", "논산", "계룡", "당진", "금산", "부여", "서천", "청양", "홍성", "예산", "태안", "내포",
        // Jeolla
        "전주", "군산", "익산", "정읍", "남원", "김제", "완주", "진안", "무주", "장수", "임실", "순창", "고창", "부안", "목포",
        "여수", "순천", "나주", "광양", "담양", "곡성", "구례", "고흥", "보성", "화순", "장흥", "강진", "해남", "영암", "무안",
        "함평", "영광", "장성", "완도", "진도", "신안",
        // Gyeongsang
        "포항", "경주", "김천", "안동", "구미", "영주", "영천", "상주", "문경", "경산", "군위", "의성", "청송", "영양", "영덕",
        "청도", "고령", "성주", "칠곡", "예천", "봉화", "울진", "울릉", "독도", "창원", "진주", "통영", "사천", "김해", "밀양",
        "거제", "양산", "의령", "함안", "창녕", "남해", "하동", "산청", "함양", "거창", "합천", "마산", "진해",
        // Jeju
        "서귀포",
        // Abroad
        "워싱턴", "뉴욕", "로스앤젤레스", "LA", "베이징", "상하이", "홍콩", "도쿄", "오사카", "모스크바", "파리", "런던", "베를린",
        "브뤼셀", "제네바", "빈", "로마", "두바이", "카이로", "예루살렘", "뉴델리", "하노이", "호찌민", "방콕", "자카르타",
        "싱가포르", "시드니", "토론토", "밴쿠버", "상파울루", "멕시코시티", "평양", "선양", "단둥", "블라디보스토크", "키이우",
    ]

    /// Whether `token` names a place (a trailing comma or `·` ignored).
    /// - Parameter token: one word of a byline.
    /// - Returns: true when the word, trailing `,` and `·` removed, is one of ``korean``;
    ///   compared exactly, so `서울시` is not.
    public static func isPlace(_ token: String) -> Bool {
        var t = token
        while let last = t.last, last == "," || last == "·" { t.removeLast() }
        return korean.contains(t)
    }
}
