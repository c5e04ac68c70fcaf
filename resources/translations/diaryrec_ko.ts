<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="102"/>
        <source>← Back to home</source>
        <translation>← 홈으로</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="106"/>
        <source>Go on to the &amp;diary</source>
        <translation>일기 쓰러 가기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="108"/>
        <source>A picture of the whole conversation goes into the diary entry</source>
        <translation>대화 전체를 담은 그림이 일기에 들어갑니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="142"/>
        <source>Day {day} · {activity}</source>
        <translation>{day}일차 · {activity}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="144"/>
        <source>interview with the researcher today</source>
        <translation>오늘은 연구자와 인터뷰가 있습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="146"/>
        <source>read-only</source>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="168"/>
        <source>The ice-breaking sheet</source>
        <translation>아이스브레이킹 시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="169"/>
        <source>Today&apos;s experiment</source>
        <translation>오늘의 실험</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="170"/>
        <source>The planning sheet</source>
        <translation>기획 시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="171"/>
        <source>Revising the planning sheet</source>
        <translation>기획 시트 수정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="172"/>
        <source>Your own recommender</source>
        <translation>나만의 추천 시스템</translation>
    </message>
</context>
<context>
    <name>CardGroup</name>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="209"/>
        <source>{catalog} could not be reached, so one track is not checked yet; diaryrec checks it again later.</source>
        <translation>{catalog}에 연결할 수 없어 1곡을 아직 확인하지 못했습니다. diaryrec가 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="211"/>
        <source>{catalog} could not be reached, so {n} tracks are not checked yet; diaryrec checks them again later.</source>
        <translation>{catalog}에 연결할 수 없어 {n}곡을 아직 확인하지 못했습니다. diaryrec가 나중에 다시 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="214"/>
        <source>These tracks could not be checked against a music catalog.</source>
        <translation>이 곡들은 음악 카탈로그에서 확인하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="327"/>
        <source>Conversation</source>
        <translation>대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="332"/>
        <source>Write a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>메시지를 쓰세요. Enter로 보내고, Shift+Enter로 줄을 바꿉니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="333"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="339"/>
        <source>&amp;Attach image…</source>
        <translation>이미지 첨부(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="345"/>
        <source>Remove images</source>
        <translation>이미지 빼기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="370"/>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="373"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="375"/>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="449"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="450"/>
        <source>Scripted reply (sandbox)</source>
        <translation>정해진 답변(샌드박스)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="450"/>
        <source>Recommender</source>
        <translation>추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="453"/>
        <source>This conversation could not be read: {error}</source>
        <translation>이 대화를 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="588"/>
        <source>Sending your feedback…</source>
        <translation>피드백을 보내는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="850"/>
        <source>This reply did not arrive in the form diaryrec reads, so it shows no tracks. Try again to ask for it once more.</source>
        <translation>이 답변은 diaryrec가 읽을 수 있는 형식으로 오지 않아 곡을 보여 줄 수 없습니다. 다시 시도하면 한 번 더 요청합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="464"/>
        <source>This reply was cut off.</source>
        <translation>이 답변은 중간에 끊겼습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="477"/>
        <source>This message has no answer yet.</source>
        <translation>이 메시지에는 아직 답이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="482"/>
        <source>Attach images</source>
        <translation>이미지 첨부</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="482"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.heic *.heif)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.gif *.webp *.heic *.heif)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="491"/>
        <source>pasted image</source>
        <translation>붙여 넣은 이미지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="534"/>
        <source>Attached: {names}</source>
        <translation>첨부됨: {names}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="554"/>
        <source>The recommender is not running. Check the language model settings.</source>
        <translation>추천 시스템이 실행되고 있지 않습니다. 언어 모델 설정을 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="650"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="667"/>
        <source>Still waiting for the recommender… ({seconds} s)</source>
        <translation>추천 시스템의 답을 기다리는 중… ({seconds}초)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="836"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="840"/>
        <source>Open settings</source>
        <translation>설정 열기</translation>
    </message>
</context>
<context>
    <name>CheckingNotice</name>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="62"/>
        <source>Open Settings</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="87"/>
        <source>no Spotify app (client ID and client secret) is set up</source>
        <translation>Spotify 앱(클라이언트 ID와 클라이언트 시크릿)이 설정되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="88"/>
        <source>the Spotify client secret is missing</source>
        <translation>Spotify 클라이언트 시크릿이 없습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="89"/>
        <source>the Spotify client ID is missing</source>
        <translation>Spotify 클라이언트 ID가 없습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="92"/>
        <source>Songs are checked against {catalogs}, not Spotify: {reason}. Open Settings and enter what your research team gave you.</source>
        <translation>추천곡은 Spotify가 아니라 {catalogs}에서 확인합니다: {reason}. 설정을 열고 연구팀에게 받은 값을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="95"/>
        <source>The language model&apos;s key is not there: it has to be typed again in Settings.</source>
        <translation>언어 모델 키가 없습니다. 설정에서 다시 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/checking_notice.py" line="97"/>
        <source>This computer has no password store (keyring), so keys are kept only while diaryrec is open.</source>
        <translation>이 컴퓨터에는 비밀번호 저장소(키링)가 없어서, 키는 diaryrec이 열려 있는 동안에만 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="58"/>
        <source>general demographic information (age, gender, occupation)</source>
        <translation>일반적인 인구통계 정보(나이, 성별, 직업)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="59"/>
        <source>five favourite songs</source>
        <translation>가장 좋아하는 노래 다섯 곡</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="60"/>
        <source>a detailed description of the music I like</source>
        <translation>좋아하는 음악에 대한 자세한 설명</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="61"/>
        <source>a photo or image that conveys a mood</source>
        <translation>분위기를 전하는 사진이나 이미지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="62"/>
        <source>my current situation or emotion</source>
        <translation>지금의 상황이나 감정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="63"/>
        <source>favourite artists</source>
        <translation>좋아하는 아티스트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="64"/>
        <source>information about an event (e.g. a rock festival)</source>
        <translation>행사에 대한 정보(예: 록 페스티벌)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="65"/>
        <source>a virtual character&apos;s profile</source>
        <translation>가상 캐릭터의 프로필</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="66"/>
        <source>music I dislike</source>
        <translation>싫어하는 음악</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="67"/>
        <source>personality-test results</source>
        <translation>성격 검사 결과</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="68"/>
        <source>a YouTube channel I watch</source>
        <translation>즐겨 보는 유튜브 채널</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="69"/>
        <source>music I might dislike</source>
        <translation>내가 싫어할 수도 있는 음악</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="70"/>
        <source>unfamiliar music I might enjoy</source>
        <translation>낯설지만 좋아할 만한 음악</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="71"/>
        <source>music I will like</source>
        <translation>내가 좋아할 음악</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="72"/>
        <source>new genres, eras or countries, starting from my taste</source>
        <translation>내 취향에서 출발한 새로운 장르, 시대, 나라의 음악</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="73"/>
        <source>a detailed explanation</source>
        <translation>자세한 설명</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="74"/>
        <source>keywords</source>
        <translation>키워드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="75"/>
        <source>images (a scene described in words)</source>
        <translation>이미지(말로 그린 장면)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="76"/>
        <source>objective attributes (genre, era, release year, album, producer, vocal style)</source>
        <translation>객관적 속성(장르, 시대, 발매 연도, 앨범, 프로듀서, 보컬 스타일)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="77"/>
        <source>why I personally might like or dislike it</source>
        <translation>내가 왜 좋아하거나 싫어할지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="78"/>
        <source>concrete</source>
        <translation>구체적으로</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="79"/>
        <source>balanced</source>
        <translation>적당히</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="80"/>
        <source>deliberately open</source>
        <translation>일부러 열어 두기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="81"/>
        <source>a rating from 1 to 5 for each track</source>
        <translation>곡마다 1~5점 평가</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="82"/>
        <source>multiple-choice options you generate on why a track is good or bad</source>
        <translation>곡이 좋거나 나쁜 이유에 대해 추천 시스템이 만든 객관식 선택지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="83"/>
        <source>a free explanation, followed by questions you ask to deepen my reflection</source>
        <translation>자유로운 설명과, 생각을 깊게 해 주는 추천 시스템의 추가 질문</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="84"/>
        <source>a tournament between the recommended tracks</source>
        <translation>추천곡끼리의 토너먼트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="85"/>
        <source>my own way of giving feedback</source>
        <translation>나만의 피드백 방식</translation>
    </message>
</context>
<context>
    <name>ComposerView</name>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="282"/>
        <source>Compose today&apos;s experiment: choose one or more ways for each stage. Your own ideas from the ice-breaking sheet are marked ★ and listed first.</source>
        <translation>오늘의 실험을 구성하세요. 단계마다 하나 이상의 방식을 고르세요. 아이스브레이킹 시트에서 적은 나의 아이디어는 ★ 표시와 함께 맨 위에 있습니다.</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="49"/>
        <source>{service}: {words}</source>
        <translation>{service}: {words}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="51"/>
        <source>Language model</source>
        <translation>언어 모델</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="52"/>
        <source>Spotify</source>
        <translation>Spotify</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="53"/>
        <source>MusicBrainz</source>
        <translation>MusicBrainz</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="56"/>
        <source>works.</source>
        <translation>잘 작동합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="57"/>
        <source>some fields are empty.</source>
        <translation>비어 있는 항목이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="58"/>
        <source>the address must start with http:// or https://.</source>
        <translation>주소는 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="59"/>
        <source>could not be reached. Check the address and your internet connection.</source>
        <translation>연결할 수 없습니다. 주소와 인터넷 연결을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="60"/>
        <source>did not answer in time. Try again in a moment.</source>
        <translation>제때 응답하지 않았습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="61"/>
        <source>refused the key. Check that it is copied completely.</source>
        <translation>키를 거부했습니다. 키가 빠짐없이 복사되었는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="62"/>
        <source>answered, but has no model by that name.</source>
        <translation>응답했지만 그 이름의 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="63"/>
        <source>says too many requests, or the account has no credit left.</source>
        <translation>요청이 너무 많거나 계정의 크레딧이 남아 있지 않다고 합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="64"/>
        <source>answered with an error. Try again later.</source>
        <translation>오류로 응답했습니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="65"/>
        <source>works, but the server has no model by that name: it answers with the one model it runs.</source>
        <translation>작동합니다. 다만 서버에 그 이름의 모델이 없어, 서버가 실행하는 단 하나의 모델이 대신 답합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="68"/>
        <source>Models it offers: {models}.</source>
        <translation>제공하는 모델: {models}.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="69"/>
        <source>It lists no models.</source>
        <translation>제공하는 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="70"/>
        <source>The service said: {detail}</source>
        <translation>서비스의 응답: {detail}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/connection.py" line="71"/>
        <source>It answered as {model}.</source>
        <translation>{model} 모델로 답했습니다.</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="65"/>
        <source>This computer has no password store (keyring) that diaryrec can use. The keys you type here are kept only while diaryrec is open, never written to disk, and must be typed again at the next start.</source>
        <translation>이 컴퓨터에는 diaryrec이 사용할 수 있는 비밀번호 저장소(키링)가 없습니다. 여기에 입력한 키는 diaryrec이 열려 있는 동안에만 보관되고 디스크에는 절대 기록되지 않으며, 다음에 시작할 때 다시 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="89"/>
        <source>Provider</source>
        <extracomment>the study&apos;s researcher e-mail, MusicBrainz&apos;s contact for &quot;Test connection&quot;</extracomment>
        <translation>제공자</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="92"/>
        <source>Base URL</source>
        <translation>기본 URL</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="95"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="100"/>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="101"/>
        <source>Language model</source>
        <translation>언어 모델</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="103"/>
        <source>&amp;Provider</source>
        <translation>제공자(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="105"/>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="106"/>
        <source>API &amp;key</source>
        <translation>API 키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="109"/>
        <source>Spotify client ID</source>
        <translation>Spotify 클라이언트 ID</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="113"/>
        <source>Spotify client secret</source>
        <translation>Spotify 클라이언트 시크릿</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="115"/>
        <source>Spotify market</source>
        <translation>Spotify 마켓</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="119"/>
        <source>Spotify (checks that recommended tracks exist)</source>
        <translation>Spotify (추천된 곡이 실제로 있는지 확인)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="121"/>
        <source>Client &amp;ID</source>
        <translation>클라이언트 ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="190"/>
        <source>optional: without it, tracks are checked against MusicBrainz</source>
        <translation>선택 사항: 없으면 곡을 MusicBrainz에서 확인합니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="192"/>
        <source>The client ID comes with your study file; type the client secret your research team gave you, so that recommended tracks are checked against Spotify.</source>
        <translation>클라이언트 ID는 연구 파일에 들어 있습니다. 추천곡을 Spotify에서 확인할 수 있도록 연구팀에게 받은 클라이언트 시크릿을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="244"/>
        <source>Spotify: not set up, so recommended tracks are checked against MusicBrainz, the open catalog.</source>
        <translation>Spotify: 설정되지 않아 추천곡을 공개 카탈로그인 MusicBrainz에서 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="104"/>
        <source>Base U&amp;RL</source>
        <translation>기본 URL(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="122"/>
        <source>Client se&amp;cret</source>
        <translation>클라이언트 시크릿(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="123"/>
        <source>M&amp;arket</source>
        <translation>마켓(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="139"/>
        <source>&amp;Test connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="142"/>
        <source>Connection test result</source>
        <translation>연결 테스트 결과</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="154"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="154"/>
        <source>Ollama (on this computer)</source>
        <translation>Ollama (이 컴퓨터에서 실행)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="154"/>
        <source>LM Studio (on this computer)</source>
        <translation>LM Studio (이 컴퓨터에서 실행)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="154"/>
        <source>Other OpenAI-compatible service</source>
        <translation>기타 OpenAI 호환 서비스</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="173"/>
        <location filename="../../diaryrec/ui/credentials.py" line="184"/>
        <source>provided by the study</source>
        <translation>연구에서 제공됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="176"/>
        <location filename="../../diaryrec/ui/credentials.py" line="186"/>
        <source>stored: {masked} (type to replace)</source>
        <translation>저장됨: {masked} (바꾸려면 새로 입력)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="176"/>
        <source>paste your key here</source>
        <translation>여기에 키를 붙여 넣으세요</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="188"/>
        <source>the secret your research team gave you</source>
        <translation>연구팀에게 받은 시크릿</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="195"/>
        <source>The client ID comes with your study file.</source>
        <translation>클라이언트 ID는 연구 파일에 들어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="203"/>
        <source>Recommended tracks are checked against: {catalogs}</source>
        <translation>추천곡을 확인하는 카탈로그: {catalogs}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="222"/>
        <source>Testing…</source>
        <translation>테스트하는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/credentials.py" line="238"/>
        <source>The test itself failed: {error}</source>
        <translation>테스트를 실행하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>DayCell</name>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="28"/>
        <source>Day {number}</source>
        <translation>{number}일차</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="52"/>
        <source>← Back to home</source>
        <translation>← 홈으로</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="59"/>
        <source>Open this day&apos;s activity (read-only)</source>
        <translation>이날의 활동 보기(읽기 전용)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="71"/>
        <source>Conversations and diary entry of this day</source>
        <translation>이날의 대화와 일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="80"/>
        <source>Day {day}</source>
        <translation>{day}일차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="81"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="85"/>
        <source>This day could not be read: {error}</source>
        <translation>이날의 기록을 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="98"/>
        <source>Day {day} · Week {week}: {name}</source>
        <translation>{day}일차 · {week}주차: {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="105"/>
        <source>Write this day&apos;s diary</source>
        <translation>이날의 일기 쓰기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="105"/>
        <source>Write this day&apos;s diary (late)</source>
        <translation>이날의 일기 쓰기 (늦음)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="114"/>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="116"/>
        <source>No conversation on this day.</source>
        <translation>이날은 대화가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="118"/>
        <source>Conversation started {time}</source>
        <translation>{time}에 시작한 대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="120"/>
        <source>sandbox (scripted replies)</source>
        <translation>샌드박스 (정해진 대본 응답)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="123"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="123"/>
        <source>Recommender</source>
        <translation>추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="136"/>
        <source>Diary entry</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="139"/>
        <source>No diary entry for this day.</source>
        <translation>이날의 일기가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="141"/>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="141"/>
        <source>Draft, not saved</source>
        <translation>임시 저장, 아직 저장 안 됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="143"/>
        <source>late</source>
        <translation>늦음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="151"/>
        <source>No screenshot.</source>
        <translation>스크린샷이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/day_view.py" line="153"/>
        <source>(no answer)</source>
        <translation>(답변 없음)</translation>
    </message>
</context>
<context>
    <name>DiaryView</name>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="145"/>
        <source>Diary</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="115"/>
        <source>Diary status</source>
        <translation>일기 상태</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="122"/>
        <location filename="../../diaryrec/ui/diary_view.py" line="228"/>
        <location filename="../../diaryrec/ui/diary_view.py" line="231"/>
        <source>Save entry</source>
        <translation>일기 저장</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="124"/>
        <source>Save the entry (Ctrl+S)</source>
        <translation>일기 저장 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="146"/>
        <source>There is no study day today.</source>
        <translation>오늘은 연구 기간이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="154"/>
        <source>Diary · Day {day}</source>
        <translation>일기 · {day}일차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="155"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="198"/>
        <source>Could not read or save the diary: {error}</source>
        <translation>일기를 읽거나 저장할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="218"/>
        <source>Saved at {time}.</source>
        <translation>{time}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="220"/>
        <source>Marked late: it was saved after the day ended.</source>
        <translation>그날이 끝난 뒤에 저장되어 &apos;늦음&apos;으로 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="222"/>
        <source>You have changes: press Save entry to keep them.</source>
        <translation>바뀐 내용이 있습니다. 유지하려면 &apos;변경 내용 저장&apos;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="223"/>
        <source>Save changes</source>
        <translation>변경 내용 저장</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="225"/>
        <source>Draft kept at {time}. Press Save entry when you are done.</source>
        <translation>{time}에 임시 저장했습니다. 다 쓰면 &apos;일기 저장&apos;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="230"/>
        <source>Not written yet. What you type is kept as a draft every few seconds.</source>
        <translation>아직 쓰지 않았습니다. 입력한 내용은 몇 초마다 임시 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="253"/>
        <source>Conversation {n}</source>
        <translation>대화 {n}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="253"/>
        <source>Image {n}</source>
        <translation>이미지 {n}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="324"/>
        <source>Add images to the diary</source>
        <translation>일기에 이미지 추가</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="325"/>
        <source>Images (*.png *.jpg *.jpeg *.heic *.heif *.webp *.gif *.bmp)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.heic *.heif *.webp *.gif *.bmp)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="43"/>
        <location filename="../../diaryrec/ui/export_action.py" line="70"/>
        <source>Export my data</source>
        <translation>내 데이터 내보내기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="43"/>
        <source>Zip files (*.zip)</source>
        <translation>Zip 파일 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="56"/>
        <source>Your data was exported to {path} ({files} files). Send this file to the research team.</source>
        <translation>데이터를 {path}에 내보냈습니다 (파일 {files}개). 이 파일을 연구팀에 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="60"/>
        <source>{count} files were missing on this computer and are not in it.</source>
        <translation>이 컴퓨터에 없는 파일 {count}개는 포함되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="65"/>
        <source>The export failed ({error}).</source>
        <translation>내보내기에 실패했습니다 ({error}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/export_action.py" line="74"/>
        <source>Show in &amp;folder</source>
        <translation>폴더에서 보기(&amp;F)</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="169"/>
        <source>Your feedback</source>
        <translation>나의 피드백</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="190"/>
        <source>Rate each track from 1 to 5</source>
        <translation>곡마다 1~5점으로 평가하세요</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="194"/>
        <source>Choose the answers that fit</source>
        <translation>맞는 답을 고르세요</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="202"/>
        <source>The recommender offered no options this time; use the other boxes or write a message.</source>
        <translation>이번에는 추천 시스템이 선택지를 주지 않았습니다. 다른 칸을 쓰거나 메시지를 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="206"/>
        <source>Explain why you liked or disliked the tracks; the recommender will ask you questions back</source>
        <translation>곡이 왜 좋았는지 또는 싫었는지 설명하세요. 추천 시스템이 질문으로 답합니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="208"/>
        <source>Your explanation</source>
        <translation>나의 설명</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="213"/>
        <source>Tournament: pick the better of each pair until one is left</source>
        <translation>토너먼트: 한 곡이 남을 때까지 두 곡 중 더 좋은 곡을 고르세요</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="217"/>
        <source>Your own way of giving feedback</source>
        <translation>나만의 피드백 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="219"/>
        <source>Your own feedback</source>
        <translation>나만의 피드백</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="226"/>
        <source>Send feedback</source>
        <translation>피드백 보내기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="259"/>
        <source>Give at least one answer first.</source>
        <translation>먼저 하나 이상 답해 주세요.</translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="83"/>
        <source>Join a study</source>
        <translation>연구 참여</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="131"/>
        <source>Welcome to diaryrec</source>
        <translation>diaryrec에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="135"/>
        <source>diaryrec runs a three-week diary study in which you design your own music recommender. To begin, open the study file your research team sent you.</source>
        <translation>diaryrec는 나만의 음악 추천 시스템을 설계하는 3주간의 일기 연구를 진행합니다. 시작하려면 연구팀이 보낸 연구 파일을 여세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="140"/>
        <source>&amp;Open study file…</source>
        <translation>연구 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="143"/>
        <source>…or drop the study file (.toml) anywhere on this window.</source>
        <translation>…또는 연구 파일(.toml)을 이 창에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="146"/>
        <source>Try the &amp;sandbox (offline, scripted)</source>
        <translation>샌드박스 체험하기(&amp;S) (오프라인, 정해진 대본)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="150"/>
        <source>The sandbox joins the built-in example study for trying diaryrec out. Nothing is sent anywhere: the replies come from a script, not from an AI, and are labelled so.</source>
        <translation>샌드박스는 diaryrec를 체험할 수 있도록 내장된 예시 연구에 참여합니다. 아무것도 외부로 보내지 않으며, 응답은 AI가 아니라 정해진 대본에서 나오고 그렇게 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="165"/>
        <source>Interface language</source>
        <translation>화면 언어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="168"/>
        <source>&amp;Language · 언어</source>
        <translation>언어 · Language(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="184"/>
        <source>Consent</source>
        <translation>연구 참여 동의</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="187"/>
        <source>Consent text</source>
        <translation>동의서 내용</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="188"/>
        <source>I have read the text above and &amp;agree to take part.</source>
        <translation>위 내용을 읽었으며 연구 참여에 동의합니다(&amp;A).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="192"/>
        <source>Participant code</source>
        <translation>참여자 코드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="203"/>
        <location filename="../../diaryrec/ui/first_run.py" line="236"/>
        <source>&amp;Back</source>
        <translation>이전(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="205"/>
        <source>&amp;Continue</source>
        <translation>계속(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="225"/>
        <source>Connect the language model and Spotify</source>
        <translation>언어 모델과 Spotify 연결</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="229"/>
        <source>Your study file does not include these. Enter what your research team gave you; keys are kept in this computer&apos;s password store (keyring), never in the study data. You can change them later in Settings.</source>
        <translation>연구 파일에 이 정보가 없습니다. 연구팀에게 받은 값을 입력하세요. 키는 연구 데이터가 아니라 이 컴퓨터의 비밀번호 저장소(키링)에만 보관됩니다. 나중에 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="238"/>
        <source>&amp;Join the study</source>
        <translation>연구 참여하기(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="253"/>
        <source>Open the study file</source>
        <translation>연구 파일 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="253"/>
        <source>Study files (*.toml);;All files (*)</source>
        <translation>연구 파일 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="271"/>
        <source>The file could not be opened ({error}).</source>
        <translation>파일을 열 수 없습니다 ({error}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="272"/>
        <source>This study file cannot be used: {message}</source>
        <translation>이 연구 파일은 사용할 수 없습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="297"/>
        <source>{name} (sandbox)</source>
        <translation>{name} (샌드박스)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="299"/>
        <source>Researcher: {contact}</source>
        <translation>연구자: {contact}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="299"/>
        <source>not given</source>
        <translation>정보 없음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="306"/>
        <source>Your participant code comes with the study file.</source>
        <translation>참여자 코드는 연구 파일에 들어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="302"/>
        <source>Enter the participant code the research team gave you.</source>
        <translation>연구팀에게 받은 참여자 코드를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="200"/>
        <source>&amp;Participant code</source>
        <translation>참여자 코드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="375"/>
        <source>Please check the fields: the address must start with http:// or https://, the market is two letters.</source>
        <translation>입력한 값을 확인하세요. 주소는 http:// 또는 https://로 시작하고, 마켓은 영문 두 글자입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/first_run.py" line="402"/>
        <source>Joining failed ({error}).</source>
        <translation>연구에 참여하지 못했습니다 ({error}).</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="56"/>
        <source>Start today&apos;s activity</source>
        <translation>오늘의 활동 시작</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="60"/>
        <location filename="../../diaryrec/ui/home_view.py" line="140"/>
        <source>Write today&apos;s diary</source>
        <translation>오늘의 일기 쓰기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="99"/>
        <source>The study&apos;s data could not be read: {error}</source>
        <translation>연구 데이터를 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="110"/>
        <source>Participant {code} · joined {date}</source>
        <translation>참여자 {code} · {date} 참여</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="114"/>
        <source>sandbox (scripted replies)</source>
        <translation>샌드박스 (정해진 대본 응답)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="156"/>
        <source>Your recommender: {name}</source>
        <translation>나의 추천 시스템: {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="161"/>
        <source>Your recommender: not designed yet (you plan it on the first day of week 2).</source>
        <translation>나의 추천 시스템: 아직 설계하지 않았습니다 (2주차 첫날에 계획합니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="123"/>
        <source>Today is day {day} of {total} · Week {week}: {name}</source>
        <translation>오늘은 {total}일 중 {day}일차 · {week}주차: {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="130"/>
        <source>({done} of {total} done)</source>
        <translation>({total}개 중 {done}개 완료)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="132"/>
        <source>• Your computer&apos;s clock or time zone jumped ahead: {n} study day(s) before today were skipped.</source>
        <translation>• 컴퓨터의 시계나 시간대가 앞으로 건너뛰었습니다: 오늘 이전의 연구일 {n}일이 건너뛰어졌습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="135"/>
        <source>• Interview with the researcher (outside the app)</source>
        <translation>• 연구자와 인터뷰 (앱 밖에서 진행)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="140"/>
        <source>Edit today&apos;s diary</source>
        <translation>오늘의 일기 고치기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="148"/>
        <source>The study has not started yet.</source>
        <translation>연구가 아직 시작되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="149"/>
        <source>Your first day begins at {time}.</source>
        <translation>첫날은 {time}에 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="151"/>
        <source>The study is over. Thank you for taking part!</source>
        <translation>연구가 끝났습니다. 참여해 주셔서 감사합니다!</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="152"/>
        <source>Please export your data for the research team when they ask for it.</source>
        <translation>연구팀이 요청하면 데이터를 내보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="159"/>
        <source>Your recommender: not designed yet (you plan it today, with the planning sheet).</source>
        <translation>나의 추천 시스템: 아직 설계하지 않았습니다 (오늘 계획 시트로 계획합니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="162"/>
        <source>Your recommender: not designed yet.</source>
        <translation>나의 추천 시스템: 아직 설계하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="166"/>
        <source>• The ice-breaking sheet: ten short tasks with the plain assistant</source>
        <translation>• 아이스브레이킹 시트: 기본 어시스턴트와 함께하는 짧은 과제 열 가지</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="167"/>
        <source>• Today&apos;s experiment: compose a prompt from your ideas and get recommendations</source>
        <translation>• 오늘의 실험: 내 아이디어로 프롬프트를 구성하고 추천받기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="168"/>
        <source>• The planning sheet: design your own recommender</source>
        <translation>• 계획 시트: 나만의 추천 시스템 설계하기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="169"/>
        <source>• Revise your planning sheet (or design a new scenario)</source>
        <translation>• 계획 시트 수정하기 (또는 새 시나리오 설계)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="170"/>
        <source>• Get recommendations from your own recommender</source>
        <translation>• 나만의 추천 시스템에게 추천받기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="175"/>
        <source>• Diary entry: not written yet</source>
        <translation>• 일기: 아직 쓰지 않음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="177"/>
        <source>• Diary entry: saved</source>
        <translation>• 일기: 저장됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/home_view.py" line="178"/>
        <source>• Diary entry: draft (not saved yet)</source>
        <translation>• 일기: 임시 저장 (아직 저장 안 됨)</translation>
    </message>
</context>
<context>
    <name>IceBreakingView</name>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="62"/>
        <source>Tasks of the ice-breaking sheet</source>
        <translation>아이스브레이킹 시트의 과제</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="95"/>
        <source>Task done, &amp;next</source>
        <translation>과제 완료, 다음(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="119"/>
        <source>Your ideas</source>
        <translation>나의 아이디어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="121"/>
        <source>New idea</source>
        <translation>새 아이디어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="122"/>
        <source>one idea, then Enter</source>
        <translation>아이디어 하나를 쓰고 Enter</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="124"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="126"/>
        <source>&amp;Remove selected</source>
        <translation>선택한 항목 삭제(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="132"/>
        <source>Next &amp;stage</source>
        <translation>다음 단계(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="172"/>
        <source>{done} of {total} tasks done</source>
        <translation>{total}개 중 {done}개 과제 완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="179"/>
        <source>{stage}.{n} {instruction}</source>
        <translation>{stage}.{n} {instruction}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="185"/>
        <source>Stage {stage} · ideas ({n})</source>
        <translation>{stage}단계 · 아이디어 ({n})</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="219"/>
        <source>Stage {n}: {name}</source>
        <translation>{n}단계: {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="222"/>
        <source>For example: “{text}”</source>
        <translation>예: “{text}”</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="224"/>
        <source>Attach a picture with “Attach image…”, drag it here or paste it.</source>
        <translation>“이미지 첨부…”로 사진을 첨부하거나, 여기로 끌어오거나, 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="227"/>
        <source>The plain assistant has no rating buttons: write your feedback in your message, for example “1st song: 4/5, 2nd song: 2/5”.</source>
        <translation>기본 어시스턴트에는 평가 버튼이 없습니다. 메시지에 직접 피드백을 쓰세요. 예: “첫 번째 곡: 4/5, 두 번째 곡: 2/5”.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="231"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="231"/>
        <source>Chat with the assistant, then write the (+) and (−).</source>
        <translation>어시스턴트와 대화한 뒤 (+)와 (−)를 적어 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/ice_breaking_view.py" line="245"/>
        <source>Stage {n}: {name} · your ideas</source>
        <translation>{n}단계: {name} · 나의 아이디어</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../diaryrec/ui/image_viewer.py" line="108"/>
        <source>This picture cannot be shown.</source>
        <translation>이 사진은 보여 줄 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="257"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="264"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="265"/>
        <source>Diary</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="266"/>
        <source>My taste</source>
        <translation>나의 취향</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="267"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="268"/>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="269"/>
        <source>Today&apos;s activity</source>
        <translation>오늘의 활동</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="301"/>
        <source>There is no activity today: the study has not begun yet, or it is over.</source>
        <translation>오늘은 활동이 없습니다. 연구가 아직 시작되지 않았거나 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="364"/>
        <source>The new settings apply after the reply being received.</source>
        <translation>새 설정은 지금 받고 있는 답변이 끝난 뒤에 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="445"/>
        <source>Screens</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="465"/>
        <source>Sandbox: replies are scripted, not from an AI. Nothing is sent anywhere.</source>
        <translation>샌드박스: 응답은 AI가 아니라 정해진 대본입니다. 아무것도 외부로 보내지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="564"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="567"/>
        <source>&amp;Open study file…</source>
        <translation>연구 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="571"/>
        <source>&amp;Export my data…</source>
        <translation>내 데이터 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="572"/>
        <source>Write your study data into one zip file for the research team</source>
        <translation>연구팀에 보낼 수 있도록 연구 데이터를 zip 파일 하나로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="576"/>
        <source>Open study &amp;data…</source>
        <translation>연구 데이터 열기(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="577"/>
        <source>For researchers: read a merged study or a folder of export bundles</source>
        <translation>연구자용: 병합된 연구 데이터나 내보내기 묶음 폴더를 읽습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="582"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="587"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="594"/>
        <source>Start today&apos;s activity</source>
        <translation>오늘의 활동 시작</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="599"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="600"/>
        <source>&amp;About diaryrec</source>
        <translation>diaryrec 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="613"/>
        <source>(sandbox)</source>
        <translation>(샌드박스)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="619"/>
        <source>About diaryrec</source>
        <translation>diaryrec 정보</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/main_window.py" line="620"/>
        <source>diaryrec {version}
A diary study of LLM-powered music recommenders.</source>
        <translation>diaryrec {version}
LLM 기반 음악 추천 시스템에 관한 일기 연구.</translation>
    </message>
</context>
<context>
    <name>NotShownNote</name>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="243"/>
        <source>1 suggestion was not found in {catalog} and was replaced.</source>
        <translation>추천 1곡을 {catalog}에서 찾지 못해 다른 곡으로 바꿨습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="245"/>
        <source>{n} suggestions were not found in {catalog} and were replaced.</source>
        <translation>추천 {n}곡을 {catalog}에서 찾지 못해 다른 곡으로 바꿨습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="247"/>
        <source>1 suggestion was not found in {catalog} and is not shown.</source>
        <translation>추천 1곡을 {catalog}에서 찾지 못해 보여 주지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="249"/>
        <source>{n} suggestions were not found in {catalog} and are not shown.</source>
        <translation>추천 {n}곡을 {catalog}에서 찾지 못해 보여 주지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="253"/>
        <location filename="../../diaryrec/ui/chat_view.py" line="281"/>
        <source>Show them</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="259"/>
        <source>by another artist: {artist}</source>
        <translation>다른 아티스트의 곡: {artist}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="260"/>
        <source>not found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="261"/>
        <source>{title} — {artist} ({why})</source>
        <translation>{title} — {artist} ({why})</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/chat_view.py" line="281"/>
        <source>Hide them</source>
        <translation>숨기기</translation>
    </message>
</context>
<context>
    <name>OwnRecommenderView</name>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="70"/>
        <source>No planning sheet yet: fill it in on the first day of week 2.</source>
        <translation>아직 기획 시트가 없습니다. 2주차 첫날에 작성해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/activity_view.py" line="78"/>
        <source>{name} · version {version}</source>
        <translation>{name} · 버전 {version}</translation>
    </message>
</context>
<context>
    <name>ParticipantView</name>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="64"/>
        <source>Conversations and recommendation cards</source>
        <translation>대화와 추천 카드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="65"/>
        <source>Diary entries and screenshots</source>
        <translation>일기와 스크린샷</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="66"/>
        <source>Sheet versions and compiled prompts</source>
        <translation>시트 버전과 컴파일된 프롬프트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="71"/>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="72"/>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="73"/>
        <source>Diary</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="74"/>
        <source>Sheets</source>
        <translation>시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="85"/>
        <source>No participant chosen</source>
        <translation>선택된 참가자 없음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="86"/>
        <source>Choose a participant in the table above.</source>
        <translation>위 표에서 참가자를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="94"/>
        <source>Reading this participant&apos;s data…</source>
        <translation>이 참가자의 데이터를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="99"/>
        <source>no day had ended at the export (the study has {total} days)</source>
        <translation>내보낼 때 끝난 날이 없음 (연구 기간 {total}일)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="100"/>
        <source>compliance {percent}: {done} of {ended} ended days complete (the study has {total} days)</source>
        <translation>참여율 {percent}: 끝난 {ended}일 중 {done}일 완료 (연구 기간 {total}일)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="108"/>
        <source>Choose a day to read its conversation or diary entry.</source>
        <translation>날짜를 선택하면 그날의 대화나 일기를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="112"/>
        <source>Study {study} · time zone {zone} · exported {time} · {compliance} · {sessions} sessions, {entries} diary entries</source>
        <translation>연구 {study} · 시간대 {zone} · 내보낸 시각 {time} · {compliance} · 세션 {sessions}회, 일기 {entries}개</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participant_view.py" line="165"/>
        <source>Day {day}: no conversation and no diary entry.</source>
        <translation>{day}일차: 대화도 일기도 없습니다.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="32"/>
        <source>Participant</source>
        <translation>참가자</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="32"/>
        <source>The code the research team gave the participant</source>
        <translation>연구팀이 참가자에게 준 코드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="33"/>
        <source>Study</source>
        <translation>연구</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="33"/>
        <source>The study file&apos;s id</source>
        <translation>연구 파일의 ID</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="34"/>
        <source>Compliance</source>
        <translation>참여율</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="34"/>
        <source>Share of the days ended at the export with a session and a diary entry (complete of ended days)</source>
        <translation>내보낼 때까지 끝난 날 중 추천 세션과 일기가 모두 있는 날의 비율 (완료한 날/끝난 날)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="35"/>
        <source>Study days</source>
        <translation>연구 기간(일)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="35"/>
        <source>The study&apos;s length in days, reached or not</source>
        <translation>연구 전체 일수 (아직 오지 않은 날 포함)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="36"/>
        <source>Days complete</source>
        <translation>완료한 날</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="36"/>
        <source>Days with a recommendation session and a diary entry (late ones included)</source>
        <translation>추천 세션과 일기가 모두 있는 날 (늦게 쓴 일기 포함)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="37"/>
        <source>Late</source>
        <translation>늦음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="37"/>
        <source>Complete days whose diary entry was saved after the day ended</source>
        <translation>완료한 날 중 그날이 끝난 뒤에 일기를 저장한 날</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="38"/>
        <source>Partly</source>
        <translation>일부</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="38"/>
        <source>Days with a session or a diary entry, not both</source>
        <translation>세션이나 일기 중 하나만 있는 날</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="39"/>
        <source>Missed</source>
        <translation>놓침</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="39"/>
        <source>Days with neither a session nor a diary entry</source>
        <translation>세션도 일기도 없는 날</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="40"/>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="40"/>
        <source>Conversations with the recommender</source>
        <translation>추천 시스템과 나눈 대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="41"/>
        <source>Diary entries</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="41"/>
        <source>Saved diary entries</source>
        <translation>저장된 일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="42"/>
        <source>Not found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="42"/>
        <source>Hallucination rate: share of suggested tracks the catalogue did not find</source>
        <translation>환각 비율: 추천된 곡 중 카탈로그에서 찾지 못한 곡의 비율</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="43"/>
        <source>Exported</source>
        <translation>내보낸 시각</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="43"/>
        <source>When the participant exported this data (their local time)</source>
        <translation>참가자가 이 데이터를 내보낸 시각 (참가자의 현지 시각)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="104"/>
        <source>{percent} · {done}/{ended}</source>
        <translation>{percent} · {done}/{ended}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="115"/>
        <source>No study day had ended at the export; the study has {total} days</source>
        <translation>내보낼 때 끝난 연구일이 없습니다. 연구 기간은 {total}일입니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="116"/>
        <source>{done} of the {ended} days ended at the export complete; the study has {total} days</source>
        <translation>내보낼 때까지 끝난 {ended}일 중 {done}일 완료, 연구 기간은 {total}일</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="119"/>
        <source>{not_found} of {tracks} suggested tracks were not found</source>
        <translation>추천된 곡 {tracks}곡 중 {not_found}곡을 찾지 못함</translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <location filename="../../diaryrec/ui/research/participants_table.py" line="150"/>
        <source>Participants</source>
        <translation>참가자 목록</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="337"/>
        <source>Start from</source>
        <translation>시작점</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="342"/>
        <source>St&amp;art from</source>
        <translation>시작점(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="360"/>
        <source>Changes in the system prompt</source>
        <translation>시스템 프롬프트의 변경 사항</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="361"/>
        <source>Lines of the system prompt added (+, green) and removed (−, red)</source>
        <translation>시스템 프롬프트에서 추가된 줄(+, 초록)과 삭제된 줄(−, 빨강)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="363"/>
        <source>What changed since the week-2 version</source>
        <translation>2주차 버전과 달라진 점</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="391"/>
        <source>{name} (version {version})</source>
        <translation>{name} (버전 {version})</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="392"/>
        <source>A new scenario</source>
        <translation>새 시나리오</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="424"/>
        <source>A new scenario: everything is new.</source>
        <translation>새 시나리오: 모든 내용이 새로 작성됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="430"/>
        <source>Nothing changed yet.</source>
        <translation>아직 바뀐 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="452"/>
        <source>added {items}</source>
        <translation>추가: {items}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="454"/>
        <source>removed {items}</source>
        <translation>삭제: {items}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="455"/>
        <source>new order</source>
        <translation>순서 변경</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="460"/>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="461"/>
        <source>objective</source>
        <translation>목적</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="462"/>
        <source>reply language</source>
        <translation>답변 언어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="463"/>
        <source>information given</source>
        <translation>제공하는 정보</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="464"/>
        <source>own information</source>
        <translation>직접 입력한 정보</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="465"/>
        <source>notes on preference input</source>
        <translation>선호 입력 메모</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="466"/>
        <source>purpose</source>
        <translation>추천 목적</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="467"/>
        <source>own purpose</source>
        <translation>나만의 목적</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="468"/>
        <source>explanation style</source>
        <translation>설명 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="469"/>
        <source>own explanation style</source>
        <translation>나만의 설명 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="470"/>
        <source>number of tracks</source>
        <translation>곡 수</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="471"/>
        <source>exclusions</source>
        <translation>제외할 것</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="472"/>
        <source>level of explanation</source>
        <translation>설명의 정도</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="473"/>
        <source>notes on presentation</source>
        <translation>추천 제시 메모</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="474"/>
        <source>feedback</source>
        <translation>피드백 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="475"/>
        <source>own way of giving feedback</source>
        <translation>나만의 피드백 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="476"/>
        <source>notes on feedback</source>
        <translation>피드백 메모</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../diaryrec/ui/file_dialogs.py" line="23"/>
        <source>&amp;Look in:</source>
        <translation>다음에서 찾기(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/file_dialogs.py" line="24"/>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <location filename="../../diaryrec/ui/reminders.py" line="42"/>
        <source>Open diaryrec</source>
        <translation>diaryrec 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/reminders.py" line="43"/>
        <source>Write today&apos;s diary</source>
        <translation>오늘의 일기 쓰기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/reminders.py" line="44"/>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/reminders.py" line="89"/>
        <source>Day {day} of your diary study: get today&apos;s recommendations and write your diary entry.</source>
        <translation>일기 연구 {day}일차입니다. 오늘의 추천을 받고 일기를 써 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/reminders.py" line="91"/>
        <source>diaryrec reminder</source>
        <translation>diaryrec 알림</translation>
    </message>
</context>
<context>
    <name>ResearchPages</name>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="64"/>
        <source>This image is not in the study data (the merge kept no files).</source>
        <translation>이 이미지는 연구 데이터에 없습니다 (병합할 때 파일을 보관하지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="67"/>
        <source>Image could not be read: {file}</source>
        <translation>이미지를 읽을 수 없습니다: {file}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="67"/>
        <source>Loading image {file}…</source>
        <translation>이미지 {file} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="70"/>
        <source>Top part shown; open the full image</source>
        <translation>윗부분만 표시됨, 전체 이미지 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="70"/>
        <source>Open the full image</source>
        <translation>전체 이미지 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="75"/>
        <source>Day {day} · Week {week}</source>
        <translation>{day}일차 · {week}주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="80"/>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="82"/>
        <source>This participant had no conversation.</source>
        <translation>이 참가자는 대화를 하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="90"/>
        <source>Started {time} (participant&apos;s local time)</source>
        <translation>{time} 시작 (참가자의 현지 시각)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="92"/>
        <source>task {task}</source>
        <translation>과제 {task}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="100"/>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="104"/>
        <source>(the reply failed; this is what arrived)</source>
        <translation>(응답 실패, 도착한 부분만 표시)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="106"/>
        <source>(the reply could not be read as cards; raw text)</source>
        <translation>(응답을 카드로 읽지 못함, 원문 표시)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>#</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Artist</source>
        <translation>아티스트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Album, year</source>
        <translation>앨범, 연도</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Verdict</source>
        <translation>확인 결과</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Rating</source>
        <translation>평점</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="114"/>
        <source>Why</source>
        <translation>추천 이유</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="119"/>
        <source>(hidden by the participant)</source>
        <translation>(참가자가 숨김)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="130"/>
        <source>not rated</source>
        <translation>평가 안 함</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="131"/>
        <source>{rating} of 5</source>
        <translation>5점 중 {rating}점</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="133"/>
        <source>(earlier: {ratings})</source>
        <translation>(이전: {ratings})</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="139"/>
        <source>Diary entries</source>
        <translation>일기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="141"/>
        <source>This participant wrote no diary entry.</source>
        <translation>이 참가자는 일기를 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="151"/>
        <source>(no answer)</source>
        <translation>(답변 없음)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="153"/>
        <source>Screenshots</source>
        <translation>스크린샷</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="155"/>
        <source>No screenshot.</source>
        <translation>스크린샷이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="161"/>
        <source>Draft, never saved</source>
        <translation>임시 저장만 됨, 저장하지 않음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="162"/>
        <source>Saved {time}</source>
        <translation>{time}에 저장</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="164"/>
        <source>late</source>
        <translation>늦음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="183"/>
        <source>Planning sheet, week 2 → week 3</source>
        <translation>계획 시트, 2주차 → 3주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="186"/>
        <source>Sheet versions</source>
        <translation>시트 버전</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="188"/>
        <source>This participant saved no sheet.</source>
        <translation>이 참가자는 시트를 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="191"/>
        <source>{kind} “{key}”, version {version}</source>
        <translation>{kind} “{key}”, 버전 {version}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="195"/>
        <source>saved {time}</source>
        <translation>{time}에 저장</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="198"/>
        <source>revised from “{key}” version {version}</source>
        <translation>“{key}” 버전 {version}을(를) 수정함</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="204"/>
        <location filename="../../diaryrec/ui/research/pages.py" line="217"/>
        <source>Compiled prompt</source>
        <translation>컴파일된 프롬프트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="205"/>
        <source>(no compiled prompt)</source>
        <translation>(컴파일된 프롬프트 없음)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="212"/>
        <source>Week 3 is a new scenario (“{key}”), not a revision.</source>
        <translation>3주차 시트는 수정본이 아니라 새 시나리오(“{key}”)입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="213"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="213"/>
        <source>Week 2</source>
        <translation>2주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="213"/>
        <source>Week 3</source>
        <translation>3주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="213"/>
        <source>Changed</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="219"/>
        <source>changed</source>
        <translation>바뀜</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/pages.py" line="219"/>
        <source>same</source>
        <translation>같음</translation>
    </message>
</context>
<context>
    <name>ResearchWindow</name>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="87"/>
        <source>Study data</source>
        <translation>연구 데이터</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="89"/>
        <source>Nothing opened yet. This window only reads: it changes no study data.</source>
        <translation>아직 연 데이터가 없습니다. 이 창은 읽기만 하며 연구 데이터를 바꾸지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="92"/>
        <location filename="../../diaryrec/ui/research/window.py" line="172"/>
        <source>Open merged database…</source>
        <translation>병합된 데이터베이스 열기…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="94"/>
        <location filename="../../diaryrec/ui/research/window.py" line="175"/>
        <source>Open folder of bundles…</source>
        <translation>번들 폴더 열기…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="107"/>
        <source>Loading</source>
        <translation>불러오는 중</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="162"/>
        <source>Open study data</source>
        <translation>연구 데이터 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="165"/>
        <source>Open a merged study database (written by “diaryrec research merge”) or a folder holding the participants&apos; export bundles (.zip files). Bundles are checked file by file; a changed or incomplete bundle is refused and named.</source>
        <translation>병합된 연구 데이터베이스(“diaryrec research merge”로 만든 파일)나 참가자들이 내보낸 번들(.zip 파일)이 들어 있는 폴더를 여세요. 번들은 파일 하나하나 검사하며, 바뀌었거나 빠진 파일이 있는 번들은 거부하고 그 이름을 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="194"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="195"/>
        <source>Open merged &amp;database…</source>
        <translation>병합된 데이터베이스 열기(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="198"/>
        <source>Open &amp;folder of bundles…</source>
        <translation>번들 폴더 열기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="201"/>
        <source>&amp;Close window</source>
        <translation>창 닫기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="205"/>
        <source>Write study &amp;report…</source>
        <translation>연구 보고서 쓰기(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="208"/>
        <source>Export for &amp;qualitative coding (REFI-QDA)…</source>
        <translation>질적 코딩용으로 내보내기(REFI-QDA)(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="227"/>
        <source>Study data — diaryrec</source>
        <translation>연구 데이터 — diaryrec</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="235"/>
        <source>Open a merged study database</source>
        <translation>병합된 연구 데이터베이스 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="236"/>
        <source>Merged study databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>병합된 연구 데이터베이스 (*.sqlite *.sqlite3 *.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="242"/>
        <source>Open a folder of export bundles</source>
        <translation>내보내기 번들 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="276"/>
        <source>Checking and merging the export bundles in {folder} ({count} found)…</source>
        <translation>{folder}의 내보내기 번들을 검사하고 병합하는 중 ({count}개 발견)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="277"/>
        <source>Opening {name}…</source>
        <translation>{name} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="301"/>
        <source>one participant</source>
        <translation>참가자 1명</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="301"/>
        <source>{count} participants</source>
        <translation>참가자 {count}명</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="303"/>
        <source>{source} · {participants} · study {studies}</source>
        <translation>{source} · {participants} · 연구 {studies}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="316"/>
        <source>No participant could be read from {name}.</source>
        <translation>{name}에서 읽을 수 있는 참가자가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="336"/>
        <source>One bundle was refused and is not shown:</source>
        <translation>번들 1개가 거부되어 표시되지 않습니다:</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="337"/>
        <source>{count} bundles were refused and are not shown:</source>
        <translation>번들 {count}개가 거부되어 표시되지 않습니다:</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="340"/>
        <source>{bundle}: {problems}</source>
        <translation>{bundle}: {problems}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="342"/>
        <source>… and {count} more (the log names them all).</source>
        <translation>… 외 {count}개 (전체 목록은 로그에 있습니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="343"/>
        <source>Ask the participants whose bundles were refused to export their data again.</source>
        <translation>번들이 거부된 참가자에게 데이터를 다시 내보내 달라고 요청하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="358"/>
        <source>{name} is a single export bundle. Put the participants&apos; bundles in one folder and open the folder, or merge them first with “diaryrec research merge”.</source>
        <translation>{name}은(는) 내보내기 번들 하나입니다. 참가자들의 번들을 한 폴더에 모아 그 폴더를 열거나, 먼저 “diaryrec research merge”로 병합하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="363"/>
        <source>{name} is not a database file. Choose the merged study database (.sqlite) or a folder of bundles.</source>
        <translation>{name}은(는) 데이터베이스 파일이 아닙니다. 병합된 연구 데이터베이스(.sqlite)나 번들 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="365"/>
        <source>{name} is a participant&apos;s own diaryrec database, not a merged study. Open the folder of the participants&apos; export bundles instead, or merge the bundles with “diaryrec research merge”.</source>
        <translation>{name}은(는) 병합된 연구 데이터가 아니라 참가자 한 명의 diaryrec 데이터베이스입니다. 대신 참가자들이 내보낸 번들 폴더를 열거나, “diaryrec research merge”로 번들을 병합하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="368"/>
        <source>{name} is a database, but not a merged diaryrec study. Merge the bundles with “diaryrec research merge” and open what it writes.</source>
        <translation>{name}은(는) 데이터베이스이지만 병합된 diaryrec 연구 데이터가 아닙니다. “diaryrec research merge”로 번들을 병합한 뒤 그 결과 파일을 여세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="371"/>
        <source>{name} could not be opened: {reason}</source>
        <translation>{name}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="373"/>
        <source>{name} could not be read: {reason}</source>
        <translation>{name}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="375"/>
        <source>{name} could not be opened because of an unexpected problem ({kind}). The details are in the log.</source>
        <translation>예상하지 못한 문제({kind}) 때문에 {name}을(를) 열 수 없습니다. 자세한 내용은 로그에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="381"/>
        <source>Write the study report</source>
        <translation>연구 보고서 쓰기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="381"/>
        <source>Web pages (*.html);;All files (*)</source>
        <translation>웹 페이지 (*.html);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="386"/>
        <source>Export a REFI-QDA project</source>
        <translation>REFI-QDA 프로젝트 내보내기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="387"/>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>REFI-QDA 프로젝트 (*.qdpx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="400"/>
        <source>Wrote the report {name} ({folder}).</source>
        <translation>보고서 {name}을(를) 썼습니다({folder}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="402"/>
        <source>Writing the report {name}…</source>
        <translation>보고서 {name}을(를) 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="412"/>
        <source>Wrote {name}: {participants} participant(s), {texts} text and {pictures} picture source(s).</source>
        <translation>{name}을(를) 썼습니다: 참가자 {participants}명, 텍스트 소스 {texts}개, 그림 소스 {pictures}개.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="415"/>
        <source>{count} picture(s) are not included: their files are not at hand.</source>
        <translation>그림 {count}개는 파일이 없어 포함되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="419"/>
        <source>Exporting {name}…</source>
        <translation>{name} 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="436"/>
        <source>an unexpected problem ({kind}); the details are in the log</source>
        <translation>예상하지 못한 문제({kind}). 자세한 내용은 로그에 있습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="437"/>
        <source>{name} could not be written: {reason}</source>
        <translation>{name}을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/window.py" line="473"/>
        <source>This participant&apos;s data could not be read ({reason}).</source>
        <translation>이 참가자의 데이터를 읽을 수 없습니다 ({reason}).</translation>
    </message>
</context>
<context>
    <name>ResearchWords</name>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="25"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="26"/>
        <source>Done, diary late</source>
        <translation>완료, 일기 늦음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="27"/>
        <source>Partly done</source>
        <translation>일부 완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="28"/>
        <source>Missed</source>
        <translation>놓침</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="29"/>
        <source>In progress at export</source>
        <translation>내보낼 때 진행 중</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="30"/>
        <source>Not reached at export</source>
        <translation>내보낼 때 아직 안 옴</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="35"/>
        <source>Ice-breaking</source>
        <translation>아이스브레이킹</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="36"/>
        <source>Daily experiment</source>
        <translation>오늘의 실험</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="37"/>
        <location filename="../../diaryrec/ui/research/words.py" line="53"/>
        <source>Planning sheet</source>
        <translation>계획 시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="38"/>
        <source>Sheet revision</source>
        <translation>시트 수정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="39"/>
        <source>Own recommender</source>
        <translation>나의 추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="44"/>
        <source>ice-breaking</source>
        <translation>아이스브레이킹</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="45"/>
        <source>daily experiment</source>
        <translation>오늘의 실험</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="46"/>
        <source>own recommender</source>
        <translation>나의 추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="50"/>
        <source>Participant</source>
        <translation>참가자</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="50"/>
        <source>Recommender</source>
        <translation>추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/words.py" line="53"/>
        <source>Daily composition</source>
        <translation>오늘의 구성</translation>
    </message>
</context>
<context>
    <name>ScreenshotPanel</name>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="66"/>
        <source>Screenshots of this entry</source>
        <translation>이 일기의 스크린샷</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="67"/>
        <source>No screenshot yet. The day&apos;s conversation is added here automatically; you can also add images or drop them here.</source>
        <translation>아직 스크린샷이 없습니다. 그날의 대화가 여기에 자동으로 추가되며, 이미지를 직접 추가하거나 끌어다 놓을 수도 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="69"/>
        <source>Add image…</source>
        <translation>이미지 추가…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/diary_view.py" line="70"/>
        <source>Remove selected</source>
        <translation>선택한 항목 삭제</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="49"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="52"/>
        <source>You are in the sandbox: scripted stand-ins answer instead of the provider, Spotify and MusicBrainz, so these settings are not used until you join a real study.</source>
        <translation>지금은 샌드박스입니다. 제공자, Spotify, MusicBrainz 대신 정해진 대본이 응답하므로, 실제 연구에 참여하기 전까지 이 설정은 쓰이지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="57"/>
        <source>Show a &amp;daily reminder</source>
        <translation>매일 알림 표시(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="61"/>
        <source>Reminder time</source>
        <translation>알림 시각</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="63"/>
        <source>Reminder</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="66"/>
        <source>Remind me at</source>
        <translation>알림 시각</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="69"/>
        <source>Same as the study</source>
        <translation>연구와 같은 언어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="72"/>
        <location filename="../../diaryrec/ui/settings_view.py" line="73"/>
        <source>Interface language</source>
        <translation>화면 언어</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="75"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="79"/>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="80"/>
        <source>Show f&amp;older</source>
        <translation>폴더 열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="82"/>
        <source>Use another folder…</source>
        <translation>다른 폴더 사용…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="87"/>
        <source>&amp;Export my data…</source>
        <translation>내 데이터 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="88"/>
        <source>Write your study data into one zip file for the research team</source>
        <translation>연구팀에 보낼 수 있도록 연구 데이터를 zip 파일 하나로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="89"/>
        <source>Your data</source>
        <translation>내 데이터</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="91"/>
        <source>Data folder (database, screenshots, log):</source>
        <translation>데이터 폴더 (데이터베이스, 스크린샷, 로그):</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="101"/>
        <source>&amp;Save settings</source>
        <translation>설정 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="104"/>
        <source>&amp;Undo changes</source>
        <translation>변경 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="154"/>
        <source>The stored keys could not be read: {error}</source>
        <translation>저장된 키를 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="183"/>
        <location filename="../../diaryrec/ui/settings_view.py" line="215"/>
        <source>Not saved: {error}</source>
        <translation>저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="201"/>
        <source>Settings saved. The keys are kept only until diaryrec closes: this computer has no password store (keyring).</source>
        <translation>설정을 저장했습니다. 이 컴퓨터에는 비밀번호 저장소(키링)가 없어서, 키는 diaryrec을 닫을 때까지만 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="204"/>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="220"/>
        <source>Choose the data folder</source>
        <translation>데이터 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="230"/>
        <source>diaryrec will use {folder} from the next start. Your data stays where it is now; to take it along, copy the whole folder there while diaryrec is closed.</source>
        <translation>다음 실행부터 {folder} 폴더를 사용합니다. 지금의 데이터는 그대로 남아 있으니, 옮기려면 diaryrec를 닫은 상태에서 폴더 전체를 그곳에 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/settings_view.py" line="236"/>
        <source>The folder could not be remembered: {error}</source>
        <translation>폴더를 기억하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="119"/>
        <source>Information the recommender gets</source>
        <translation>추천 시스템이 받는 정보</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="121"/>
        <source>Other information, in your words</source>
        <translation>그 밖의 정보(직접 입력)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="122"/>
        <source>other information, separated by commas</source>
        <translation>그 밖의 정보, 쉼표로 구분</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="124"/>
        <source>Notes on preference input</source>
        <translation>선호 입력에 대한 메모</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="125"/>
        <source>notes (optional)</source>
        <translation>메모(선택)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="127"/>
        <source>Stage 1 · Preference input</source>
        <translation>1단계 · 선호 분석</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="129"/>
        <source>What the recommender knows about you</source>
        <translation>추천 시스템이 나에 대해 알게 되는 것</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="133"/>
        <source>Purpose of the recommendations</source>
        <translation>추천의 목적</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="135"/>
        <source>Own purpose</source>
        <translation>나만의 목적</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="136"/>
        <source>another purpose, in your words</source>
        <translation>다른 목적(직접 입력)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="137"/>
        <source>How reasons are explained</source>
        <translation>이유를 설명하는 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="139"/>
        <source>Own explanation style</source>
        <translation>나만의 설명 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="140"/>
        <source>another way of explaining, in your words</source>
        <translation>다른 설명 방식(직접 입력)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="145"/>
        <source>Level of explanation</source>
        <translation>설명의 정도</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="149"/>
        <source>Number of tracks</source>
        <translation>곡 수</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="151"/>
        <source>Exclusions</source>
        <translation>제외할 것</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="152"/>
        <source>e.g. no artists involved in controversies</source>
        <translation>예: 논란이 있는 아티스트 제외</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="153"/>
        <source>Stage 2 · Presentation</source>
        <translation>2단계 · 추천 제시</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="155"/>
        <source>What the picks are for and how they are explained</source>
        <translation>추천의 목적과 이유를 설명하는 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="170"/>
        <source>Stage 3 · User feedback</source>
        <translation>3단계 · 사용자 피드백</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="172"/>
        <source>How you answer the picks</source>
        <translation>추천에 답하는 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="161"/>
        <source>Explanation &amp;level</source>
        <translation>설명의 정도(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="162"/>
        <source>Number of &amp;tracks</source>
        <translation>곡 수(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="163"/>
        <source>E&amp;xclusions</source>
        <translation>제외할 것(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="166"/>
        <source>How you give feedback</source>
        <translation>피드백하는 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="168"/>
        <source>Own way of giving feedback</source>
        <translation>나만의 피드백 방식</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_form.py" line="169"/>
        <source>your own way of giving feedback (optional)</source>
        <translation>나만의 피드백 방식(선택)</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../diaryrec/ui/app.py" line="145"/>
        <source>diaryrec is already open with this study&apos;s data folder ({folder}). Switch to its window; if you cannot find it, wait a moment and start diaryrec again.</source>
        <translation>diaryrec이 이 연구의 데이터 폴더({folder})로 이미 열려 있습니다. 그 창으로 전환해 주세요. 창이 보이지 않으면 잠시 기다린 뒤 diaryrec을 다시 실행해 주세요.</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="54"/>
        <source>{n} of 5 stars for {subject}</source>
        <translation>{subject}에 별 5개 중 {n}개</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="55"/>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="70"/>
        <source>{n} of 5</source>
        <translation>5점 중 {n}점</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="59"/>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="70"/>
        <source>not rated</source>
        <translation>평가 안 함</translation>
    </message>
</context>
<context>
    <name>StudyTimeline</name>
    <message>
        <location filename="../../diaryrec/ui/research/timeline.py" line="68"/>
        <source>Week {number}</source>
        <translation>{number}주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/timeline.py" line="77"/>
        <source>Day {number}</source>
        <translation>{number}일차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/research/timeline.py" line="83"/>
        <source>Interview</source>
        <translation>인터뷰</translation>
    </message>
</context>
<context>
    <name>TasteView</name>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="26"/>
        <source>My taste</source>
        <translation>나의 취향</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="28"/>
        <source>What you rated and said over the weeks, gathered in one place. Add your own notes on the right.</source>
        <translation>몇 주 동안 평가하고 말한 내용을 한곳에 모았습니다. 오른쪽에 나만의 메모를 남겨 보세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="32"/>
        <source>Liked and disliked tracks, keywords and notes</source>
        <translation>좋아한 곡과 싫어한 곡, 키워드와 메모</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="34"/>
        <source>My notes about my taste</source>
        <translation>내 취향에 대한 메모</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="35"/>
        <source>What have you learned about your taste in music?</source>
        <translation>내 음악 취향에 대해 새롭게 알게 된 것은 무엇인가요?</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="38"/>
        <source>&amp;My notes</source>
        <translation>나의 메모(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="40"/>
        <source>Save notes</source>
        <translation>메모 저장</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="70"/>
        <source>Could not read or save: {error}</source>
        <translation>읽거나 저장할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="85"/>
        <source>Notes saved {time}</source>
        <translation>{time}에 메모 저장됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="101"/>
        <source>Nothing here yet. When you rate tracks or tell the recommender what you think, it gathers here.</source>
        <translation>아직 아무것도 없습니다. 곡을 평가하거나 추천 시스템에 생각을 말하면 여기에 모입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="108"/>
        <location filename="../../diaryrec/ui/taste_view.py" line="133"/>
        <source>None yet.</source>
        <translation>아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="113"/>
        <source>tournament winner</source>
        <translation>토너먼트 우승</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="115"/>
        <location filename="../../diaryrec/ui/taste_view.py" line="137"/>
        <source>day {day}</source>
        <translation>{day}일차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="127"/>
        <source>Tracks you liked</source>
        <translation>좋아한 곡</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="128"/>
        <source>Keywords that keep coming back in what you liked</source>
        <translation>좋아한 곡에 자주 나온 키워드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="129"/>
        <source>Tracks you did not like</source>
        <translation>좋아하지 않은 곡</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="130"/>
        <source>Keywords in what you did not like</source>
        <translation>좋아하지 않은 곡의 키워드</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="131"/>
        <source>What you said</source>
        <translation>내가 한 말</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="137"/>
        <source>your idea (ice-breaking)</source>
        <translation>내 아이디어 (아이스브레이킹)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/taste_view.py" line="138"/>
        <source>about {track}</source>
        <translation>{track}에 대해</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <location filename="../../diaryrec/ui/image_viewer.py" line="73"/>
        <source>Picture {name}</source>
        <translation>사진 {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/image_viewer.py" line="74"/>
        <source>{name}: double-click or press Enter to see it larger</source>
        <translation>{name}: 두 번 클릭하거나 Enter를 누르면 크게 볼 수 있습니다</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="70"/>
        <source>Ice-breaking sheet</source>
        <translation>아이스브레이킹 시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="71"/>
        <source>Today&apos;s experiment</source>
        <translation>오늘의 실험</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="72"/>
        <source>Planning sheet</source>
        <translation>계획 시트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="73"/>
        <source>Revise your sheet</source>
        <translation>시트 수정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="74"/>
        <source>Your recommender</source>
        <translation>나의 추천 시스템</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="79"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="80"/>
        <source>Done (late)</source>
        <translation>완료 (늦음)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="81"/>
        <source>Partly done</source>
        <translation>일부 완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="82"/>
        <source>Missed</source>
        <translation>놓침</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="83"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="84"/>
        <source>Upcoming</source>
        <translation>예정</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="97"/>
        <source>Week {number}</source>
        <translation>{number}주차</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="104"/>
        <source>Today · {state}</source>
        <translation>오늘 · {state}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="106"/>
        <source>{done} of {total} done</source>
        <translation>{total}개 중 {done}개 완료</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/timeline_view.py" line="115"/>
        <source>{done} of {total} days with a recommendation session and a diary entry</source>
        <translation>{total}일 중 {done}일 추천 세션과 일기 완료</translation>
    </message>
</context>
<context>
    <name>Tournament</name>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="95"/>
        <source>Start over</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="97"/>
        <source>or</source>
        <translation>또는</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="137"/>
        <source>Winner: {name}</source>
        <translation>우승: {name}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="142"/>
        <source>A tournament needs at least two tracks.</source>
        <translation>토너먼트에는 두 곡 이상이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="146"/>
        <source>Which do you prefer?</source>
        <translation>어느 쪽이 더 좋나요?</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="149"/>
        <location filename="../../diaryrec/ui/feedback_widgets.py" line="150"/>
        <source>Prefer {name}</source>
        <translation>{name} 선택</translation>
    </message>
</context>
<context>
    <name>TrackCard</name>
    <message>
        <location filename="../../diaryrec/ui/track_card.py" line="71"/>
        <source>Keywords: {words}</source>
        <translation>키워드: {words}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/track_card.py" line="78"/>
        <source>Open in {catalog}</source>
        <translation>{catalog}에서 열기</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/track_card.py" line="80"/>
        <source>Not found in {catalog}, so there is nothing to open.</source>
        <translation>{catalog}에서 찾지 못해 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/track_card.py" line="81"/>
        <source>{title} by {artist}: {verdict}</source>
        <translation>{artist}의 {title}: {verdict}</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <location filename="../../diaryrec/ui/app.py" line="171"/>
        <source>Something went wrong inside diaryrec ({kind}). What you saved is kept, and you can go on.

If it happens again, please send the file diaryrec.log from {folder} to the research team.</source>
        <translation>diaryrec 안에서 문제가 생겼습니다 ({kind}). 저장한 내용은 그대로 있으니 계속하셔도 됩니다.

다시 일어나면 {folder} 폴더의 diaryrec.log 파일을 연구팀에 보내 주세요.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <location filename="../../diaryrec/catalog/client.py" line="207"/>
        <source>Spotify rejected the client ID and secret.</source>
        <extracomment>Spotify caps search at 10 results per type since February 2026 the longest Retry-After we sit out; anything longer becomes &quot;unchecked, retry later&quot;</extracomment>
        <translation>Spotify가 클라이언트 ID와 시크릿을 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/catalog/client.py" line="208"/>
        <source>Check them in the settings or the study file, or ask the research team.</source>
        <translation>설정이나 연구 파일에서 확인하거나 연구팀에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/catalog/musicbrainz.py" line="253"/>
        <source>MusicBrainz refused diaryrec&apos;s requests (User-Agent {agent}).</source>
        <translation>MusicBrainz가 diaryrec의 요청을 거부했습니다(User-Agent {agent}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/catalog/musicbrainz.py" line="254"/>
        <source>MusicBrainz answers only applications that say who runs them: put the researcher&apos;s e-mail in the study file ([study.researcher] email), or ask the research team.</source>
        <translation>MusicBrainz는 누가 운영하는지 밝힌 애플리케이션에만 응답합니다. 연구 파일에 연구자의 이메일([study.researcher] email)을 넣거나 연구팀에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/app.py" line="106"/>
        <source>diaryrec could not open its data folder {folder} ({kind}: {detail}).</source>
        <translation>diaryrec가 데이터 폴더({folder})를 열 수 없습니다 ({kind}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/diary.py" line="92"/>
        <source>An answer is longer than {limit:,} characters; please shorten it.</source>
        <translation>{limit:,}자보다 긴 답변이 있습니다. 줄여 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="128"/>
        <source>diaryrec could not take the keys out of this study file to keep them safe.</source>
        <translation>diaryrec가 이 연구 파일에서 키를 분리해 안전하게 보관하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="129"/>
        <source>Ask the research team to write api_key and client_secret as plain quoted strings.</source>
        <translation>연구팀에 api_key와 client_secret을 따옴표로 감싼 일반 문자열로 써 달라고 요청해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="166"/>
        <source>Please enter the participant code the research team gave you.</source>
        <translation>연구팀에게 받은 참여자 코드를 입력해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="168"/>
        <source>The participant code is at most {limit} characters long.</source>
        <translation>참여자 코드는 최대 {limit}자입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="171"/>
        <source>This data folder already holds a study.</source>
        <translation>이 데이터 폴더에는 이미 연구가 들어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/study.py" line="172"/>
        <source>Choose another data folder to join a second study.</source>
        <translation>다른 연구에 참여하려면 다른 데이터 폴더를 선택해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/services/taste.py" line="143"/>
        <source>Your notes are longer than {limit:,} characters; please shorten them.</source>
        <translation>메모가 {limit:,}자보다 깁니다. 줄여 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/research/export.py" line="77"/>
        <source>There is nothing to export yet: this data folder has not joined a study.</source>
        <translation>아직 내보낼 것이 없습니다. 이 데이터 폴더로는 아직 연구에 참여하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="31"/>
        <source>{file}, line {line}: field {field}: {problem}</source>
        <translation>{file}, {line}번째 줄: {field} 항목: {problem}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="33"/>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}, {line}번째 줄: {problem}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="35"/>
        <source>{file}: field {field}: {problem}</source>
        <translation>{file}: {field} 항목: {problem}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="37"/>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="66"/>
        <source>the file is {size:,} bytes; a study file is at most {limit:,}</source>
        <translation>파일 크기가 {size:,}바이트입니다. 연구 파일은 최대 {limit:,}바이트입니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="72"/>
        <source>cannot be read ({detail})</source>
        <translation>읽을 수 없습니다 ({detail})</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="77"/>
        <source>is not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="88"/>
        <source>a study file is at most {limit:,} bytes</source>
        <translation>연구 파일은 최대 {limit:,}바이트입니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="93"/>
        <source>is nested too deeply to be a study file</source>
        <translation>중첩이 너무 깊어 연구 파일로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="97"/>
        <source>not valid TOML: {detail}</source>
        <translation>올바른 TOML이 아닙니다: {detail}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="107"/>
        <source>is required but missing</source>
        <translation>꼭 필요한 항목인데 빠져 있습니다</translation>
    </message>
    <message>
        <location filename="../../diaryrec/protocol/loader.py" line="109"/>
        <source>is not a known field (check its spelling)</source>
        <translation>알 수 없는 항목입니다 (철자를 확인해 주세요)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="87"/>
        <source>{name}: HEIC photos cannot be opened on this computer.</source>
        <translation>{name}: 이 컴퓨터에서는 HEIC 사진을 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="88"/>
        <source>Convert it to JPEG (on a phone: share or export it as JPEG) and attach it again.</source>
        <translation>JPEG로 변환한 뒤(휴대폰에서는 JPEG로 공유하거나 내보내기) 다시 첨부해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="95"/>
        <source>{name} is not a picture diaryrec can use.</source>
        <translation>{name}: diaryrec에서 사용할 수 있는 사진이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="96"/>
        <source>Attach a JPEG, PNG, WebP, GIF or HEIC photo.</source>
        <translation>JPEG, PNG, WebP, GIF 또는 HEIC 사진을 첨부해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="108"/>
        <source>{name} is too large in pixels to open safely (more than {limit} megapixels).</source>
        <translation>{name}: 픽셀 수가 너무 많아 안전하게 열 수 없습니다 ({limit}메가픽셀 초과).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="109"/>
        <source>Attach a smaller version of the picture (for example a screenshot of it).</source>
        <translation>더 작은 크기의 사진을 첨부해 주세요 (예: 그 사진의 스크린샷).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="117"/>
        <source>{name} is larger than {limit} MB.</source>
        <translation>{name}: {limit}MB보다 큽니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="118"/>
        <source>Attach a smaller version of the picture.</source>
        <translation>더 작은 크기의 사진을 첨부해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="168"/>
        <location filename="../../diaryrec/media/images.py" line="203"/>
        <source>{name} is damaged and cannot be read ({detail}).</source>
        <translation>{name}: 파일이 손상되어 읽을 수 없습니다 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="217"/>
        <source>{path} no longer exists.</source>
        <translation>{path}: 파일이 더 이상 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/media/images.py" line="220"/>
        <source>{name} cannot be read ({detail}).</source>
        <translation>{name}: 읽을 수 없습니다 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="75"/>
        <source>Part of the study database in {folder} cannot be read: the file is damaged.</source>
        <translation>{folder}에 있는 연구 데이터베이스의 일부를 읽을 수 없습니다. 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="76"/>
        <source>Close diaryrec and restore a copy from the &apos;backups&apos; folder beside it, or ask the research team.</source>
        <translation>diaryrec를 닫고 같은 위치의 &apos;backups&apos; 폴더에서 사본을 복원하거나, 연구팀에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="85"/>
        <source>diaryrec could not save: the disk that holds your data folder ({folder}) is full or failing.</source>
        <translation>diaryrec가 저장하지 못했습니다: 데이터 폴더({folder})가 있는 디스크가 가득 찼거나 고장 나고 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="86"/>
        <source>Free some space on it, then save again. Everything saved before is still there.</source>
        <translation>디스크 공간을 확보한 뒤 다시 저장해 주세요. 이전에 저장한 내용은 모두 그대로 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="91"/>
        <source>diaryrec could not save: your data folder ({folder}) cannot be written (it is read-only, or you have no permission to change it).</source>
        <translation>diaryrec가 저장하지 못했습니다: 데이터 폴더({folder})에 쓸 수 없습니다 (읽기 전용이거나 변경 권한이 없습니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="96"/>
        <source>Check the folder&apos;s permissions or choose another data folder, then save again.</source>
        <translation>폴더 권한을 확인하거나 다른 데이터 폴더를 선택한 뒤 다시 저장해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="223"/>
        <source>This study database was written by a newer version of diaryrec (schema {schema}).</source>
        <translation>이 연구 데이터베이스는 더 새로운 버전의 diaryrec로 작성되었습니다 (스키마 {schema}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/engine.py" line="224"/>
        <source>Install the newest diaryrec; the database has not been changed.</source>
        <translation>최신 diaryrec를 설치해 주세요. 데이터베이스는 변경되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/sqlite_file.py" line="78"/>
        <source>{path} is not a diaryrec database.</source>
        <translation>{path}: diaryrec 데이터베이스가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/sqlite_file.py" line="79"/>
        <source>Choose another data folder, or move this file away.</source>
        <translation>다른 데이터 폴더를 선택하거나 이 파일을 다른 곳으로 옮겨 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/sqlite_file.py" line="98"/>
        <source>The study database {path} cannot be read ({detail}).</source>
        <translation>연구 데이터베이스를 읽을 수 없습니다: {path} ({detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/store/sqlite_file.py" line="99"/>
        <source>It may be damaged: restore a copy from the &apos;backups&apos; folder beside it, or ask the research team.</source>
        <translation>손상되었을 수 있습니다. 같은 위치의 &apos;backups&apos; 폴더에서 사본을 복원하거나, 연구팀에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="110"/>
        <source>The study&apos;s prompt template folder {folder} does not exist.</source>
        <translation>연구의 프롬프트 템플릿 폴더({folder})가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="111"/>
        <source>Fix llm.template_dir in the study file, or leave it empty to use the shipped templates.</source>
        <translation>연구 파일의 llm.template_dir을 고치거나, 기본 제공 템플릿을 쓰려면 비워 두세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="132"/>
        <source>The prompt template {name} was not found.</source>
        <translation>프롬프트 템플릿({name})을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="135"/>
        <source>{name}, line {line}: {detail}</source>
        <translation>{name}, {line}번째 줄: {detail}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="142"/>
        <source>{name}: the template tried something the sandbox forbids ({detail}).</source>
        <translation>{name}: 템플릿이 샌드박스에서 금지된 작업을 시도했습니다 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="146"/>
        <source>{name}: the template asks for too much work ({detail}).</source>
        <translation>{name}: 템플릿이 너무 많은 작업을 요구합니다 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="152"/>
        <source>{name}: {detail}.</source>
        <translation>{name}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/sheets/compiler.py" line="153"/>
        <source>See diaryrec/sheets/compiler.py for the variables a template gets.</source>
        <translation>템플릿에서 쓸 수 있는 변수는 diaryrec/sheets/compiler.py를 참고하세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="18"/>
        <source>The language model could not answer.</source>
        <translation>언어 모델이 답하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="19"/>
        <source>Please try again.</source>
        <translation>다시 시도해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="29"/>
        <source>No API key is set for the language model provider.</source>
        <translation>언어 모델 제공자의 API 키가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="30"/>
        <source>Enter your key in Settings (it is kept in your computer&apos;s password store).</source>
        <translation>설정에서 키를 입력해 주세요(키는 컴퓨터의 비밀번호 저장소에 보관됩니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="35"/>
        <source>The provider refused the API key.</source>
        <translation>제공자가 API 키를 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="36"/>
        <source>Check the key in Settings; copy it again without spaces.</source>
        <translation>설정에서 키를 확인하고, 공백 없이 다시 붙여 넣어 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="41"/>
        <source>The API account has no credit or quota left.</source>
        <translation>API 계정의 크레딧이나 사용 한도가 남아 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="42"/>
        <source>Tell the research team; they can top up the account or give you another key.</source>
        <translation>연구팀에 알려 주세요. 계정을 충전하거나 다른 키를 드릴 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="47"/>
        <source>Too many requests at the moment.</source>
        <translation>지금은 요청이 너무 많습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="48"/>
        <source>Wait a minute and send again; your message is kept.</source>
        <translation>1분쯤 기다린 뒤 다시 보내 주세요. 메시지는 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="49"/>
        <source>Wait {seconds} seconds and send again; your message is kept.</source>
        <translation>{seconds}초 기다린 뒤 다시 보내 주세요. 메시지는 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="62"/>
        <source>The language model did not answer in time.</source>
        <translation>언어 모델이 제시간에 답하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="63"/>
        <source>Send again; if it keeps happening, check your internet connection.</source>
        <translation>다시 보내 보세요. 계속되면 인터넷 연결을 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="68"/>
        <source>The language model service had a problem of its own.</source>
        <translation>언어 모델 서비스에 문제가 생겼습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="69"/>
        <source>Wait a moment and send again; your message is kept.</source>
        <translation>잠시 뒤 다시 보내 주세요. 메시지는 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="74"/>
        <source>Could not reach the language model provider.</source>
        <translation>언어 모델 제공자에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="75"/>
        <source>Check your internet connection, or that the local model server is running.</source>
        <translation>인터넷 연결이나, 로컬 모델 서버가 켜져 있는지 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="80"/>
        <source>The language model declined to answer this message.</source>
        <translation>언어 모델이 이 메시지에 답하기를 거절했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="81"/>
        <source>Rephrase your message and send it again.</source>
        <translation>메시지를 바꿔서 다시 보내 보세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="86"/>
        <source>The language model&apos;s answer could not be read.</source>
        <translation>언어 모델의 답을 읽을 수 없었습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="87"/>
        <source>Send again.</source>
        <translation>다시 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="92"/>
        <source>This conversation has become too long for the model.</source>
        <translation>대화가 모델이 다룰 수 있는 길이를 넘었습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="93"/>
        <source>Start a new conversation (your sheet stays the same), or attach fewer or smaller images.</source>
        <translation>새 대화를 시작하거나(시트는 그대로입니다) 이미지를 줄여 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="98"/>
        <source>The provider does not offer the model &apos;{model}&apos;.</source>
        <translation>제공자에게 &apos;{model}&apos; 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="99"/>
        <source>Check the model name in Settings or in the study file.</source>
        <translation>설정이나 연구 파일의 모델 이름을 확인해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="104"/>
        <source>The provider rejected the request.</source>
        <translation>제공자가 요청을 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="105"/>
        <source>If you attached an image, this model may not accept images; otherwise tell the research team.</source>
        <translation>이미지를 첨부했다면 이 모델이 이미지를 받지 않을 수 있습니다. 아니면 연구팀에 알려 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="110"/>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="116"/>
        <source>The answer was cut off before it was complete.</source>
        <translation>답이 끝나기 전에 끊겼습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="117"/>
        <source>Send again; the part that arrived is kept.</source>
        <translation>다시 보내 주세요. 도착한 부분은 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="125"/>
        <source>This model cannot see images.</source>
        <translation>이 모델은 이미지를 볼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="126"/>
        <source>Pick a model that sees images in Settings, or send your message without the picture.</source>
        <translation>설정에서 이미지를 볼 수 있는 모델을 고르거나, 사진 없이 메시지를 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="134"/>
        <source>The answer was cut off: it reached the model&apos;s length limit.</source>
        <translation>답변이 모델의 길이 한도에 도달해 중간에 끊겼습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/llm/errors.py" line="135"/>
        <source>Start a new conversation (your sheet stays the same) so the model has room to answer, or raise the answer-length limit of the model server (its maximum tokens).</source>
        <translation>모델이 답할 여유가 생기도록 새 대화를 시작하거나(시트는 그대로입니다), 모델 서버의 답변 길이 한도(최대 토큰 수)를 높여 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="57"/>
        <source>{path} is a folder; the name of a file is needed here.</source>
        <translation>{path}은(는) 폴더입니다. 여기에는 파일 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="58"/>
        <source>Give a file name, for example one inside that folder.</source>
        <translation>파일 이름을 지정하세요. 예를 들어 그 폴더 안의 파일이면 됩니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="64"/>
        <source>{path} is a file; the name of a folder is needed here.</source>
        <translation>{path}은(는) 파일입니다. 여기에는 폴더 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="65"/>
        <source>Give a folder (it is created if missing), or move that file away.</source>
        <translation>폴더를 지정하거나(없으면 만듭니다) 그 파일을 다른 곳으로 옮기세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="70"/>
        <source>{path} cannot be written: {blocker} is a file, not a folder.</source>
        <translation>{path}에 쓸 수 없습니다: {blocker}은(는) 폴더가 아니라 파일입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="71"/>
        <source>Choose another place, or move that file away.</source>
        <translation>다른 위치를 고르거나 그 파일을 다른 곳으로 옮기세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="76"/>
        <source>The folder {path} cannot be created there.</source>
        <translation>그 위치에는 {path} 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="77"/>
        <location filename="../../diaryrec/fileio.py" line="84"/>
        <location filename="../../diaryrec/fileio.py" line="90"/>
        <location filename="../../diaryrec/fileio.py" line="101"/>
        <source>Choose another place.</source>
        <translation>다른 위치를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="83"/>
        <source>{path} cannot be written: the folder {folder} cannot be created there.</source>
        <translation>{path}에 쓸 수 없습니다: 그 위치에는 {folder} 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="89"/>
        <source>{path} cannot be written: you have no permission there, or the disk is read-only.</source>
        <translation>{path}에 쓸 수 없습니다: 그곳에 쓸 권한이 없거나 디스크가 읽기 전용입니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="95"/>
        <source>{path} cannot be written: the disk is full.</source>
        <translation>{path}에 쓸 수 없습니다: 디스크가 가득 찼습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="96"/>
        <source>Free some space on it, or choose another disk.</source>
        <translation>디스크 공간을 비우거나 다른 디스크를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/fileio.py" line="100"/>
        <source>{path} cannot be written ({detail}).</source>
        <translation>{path}에 쓸 수 없습니다 ({detail}).</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="26"/>
        <source>✓ verified in {catalog}</source>
        <translation>✓ {catalog}에서 확인됨</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="27"/>
        <source>✗ not found in {catalog}</source>
        <translation>✗ {catalog}에 없음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="28"/>
        <source>? uncertain match</source>
        <translation>? 확실하지 않음</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/words.py" line="29"/>
        <location filename="../../diaryrec/ui/words.py" line="30"/>
        <source>… not checked yet</source>
        <translation>… 아직 확인 안 됨</translation>
    </message>
</context>
<context>
    <name>_SheetScreen</name>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="95"/>
        <source>Compiled system prompt</source>
        <translation>만들어진 시스템 프롬프트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="99"/>
        <source>&amp;Save and start chatting</source>
        <translation>저장하고 대화 시작(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="104"/>
        <source>← &amp;Change the sheet</source>
        <translation>← 시트 수정(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="123"/>
        <source>The system prompt your choices compile to</source>
        <translation>내 선택으로 만들어지는 시스템 프롬프트</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="133"/>
        <location filename="../../diaryrec/ui/sheet_views.py" line="141"/>
        <source>Reply format, added by diaryrec</source>
        <translation>답변 형식 (diaryrec가 추가함)</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="134"/>
        <source>diaryrec adds this to every prompt so that replies arrive as track cards. You do not write it and it is not part of your design.</source>
        <translation>diaryrec가 모든 프롬프트에 이 부분을 덧붙여 답변이 곡 카드로 도착하게 합니다. 직접 쓴 내용이 아니며 내 설계에 포함되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="206"/>
        <location filename="../../diaryrec/ui/sheet_views.py" line="209"/>
        <source>Not complete yet: {problem}</source>
        <translation>아직 완성되지 않았습니다: {problem}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="216"/>
        <source>An answer is too long (at most {limit} characters or items).</source>
        <translation>답이 너무 깁니다 (최대 {limit}까지 쓸 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="218"/>
        <source>Give your recommender a name.</source>
        <translation>추천 시스템의 이름을 정해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="219"/>
        <source>Write what your recommender is for.</source>
        <translation>추천 시스템의 목적을 적어 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="220"/>
        <source>Stage 1: choose at least one kind of information, or describe your own.</source>
        <translation>1단계: 알려 줄 정보를 하나 이상 고르거나 직접 적어 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="221"/>
        <source>Stage 3: choose at least one way to give feedback.</source>
        <translation>3단계: 피드백 방법을 하나 이상 골라 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="222"/>
        <source>Stage 3: describe your own way of giving feedback.</source>
        <translation>3단계: 직접 정한 피드백 방법을 설명해 주세요.</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="227"/>
        <source>Please check this answer ({field}: {detail}).</source>
        <translation>이 답을 확인해 주세요 ({field}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="254"/>
        <source>Not saved: {error}</source>
        <translation>저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../diaryrec/ui/sheet_views.py" line="269"/>
        <source>{name} · version {version}</source>
        <translation>{name} · 버전 {version}</translation>
    </message>
</context>
</TS>
